/* Unit tests for runtime/iter.c: enumerate, zip, map, filter, reversed,
 * the __getitem__ sequence iterator and iter(callable, sentinel). */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(iter, .init = ut_setup);


static Value make(TypeObj *t, Value *args, int n, TupleObj *kw)
{
    return obj_call(V_OBJ(t), args, n, kw);
}

/* list(it) as a repr string. */
static const char *drain(Value it)
{
    cr_assert(!IS_NULL(it), "constructor failed");
    return repr_of(list_from_iter(it));
}

static Value ints(int n)
{
    return range_new(0, n, 1);
}

static Value twice(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    if (nargs == 2)
        return obj_binop(args[0], args[1], BOP_MUL);
    return obj_binop(args[0], V_INT(2), BOP_MUL);
}

static Value is_odd(Value *args, int nargs, TupleObj *kwnames)
{
    (void)nargs;
    (void)kwnames;
    return V_BOOL(AS_INT(args[0]) % 2);
}

static int ticks;
static Value tick(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return V_INT(++ticks);
}

Test(iter, enumerate_with_start_keyword)
{
    Value a[2] = {S("ab"), V_INT(10)};
    cr_assert_str_eq(drain(make(&enumerate_type, a, 1, NULL)), "[(0, 'a'), (1, 'b')]");
    TupleObj *kw = tuple_pack(1, V_OBJ(str_intern_cstr("start")));
    cr_assert_str_eq(drain(make(&enumerate_type, a, 1, kw)), "[(10, 'a'), (11, 'b')]");
    expect_error(make(&enumerate_type, a, 0, NULL), &exc_TypeError,
                 "enumerate() missing required argument 'iterable'");
    a[0] = V_INT(1);
    expect_error(make(&enumerate_type, a, 1, NULL), &exc_TypeError,
                 "'int' object is not iterable");
}

Test(iter, zip_stops_at_the_shortest)
{
    Value a[3] = {ints(3), S("ab"), ints(10)};
    cr_assert_str_eq(drain(make(&zip_type, a, 3, NULL)), "[(0, 'a', 0), (1, 'b', 1)]");
    cr_assert_str_eq(drain(make(&zip_type, a, 0, NULL)), "[]");
    Value z = make(&zip_type, a, 2, NULL);
    cr_assert_str_eq(repr_of(obj_next(z)), "(0, 'a')");
    cr_assert_str_eq(drain(z), "[(1, 'b')]");
    cr_assert_str_eq(drain(z), "[]");
}

Test(iter, map_with_one_and_two_iterables)
{
    Value f = native_new("twice", twice, V_NULL, 0);
    Value a[3] = {f, ints(3), ints(5)};
    cr_assert_str_eq(drain(make(&map_type, a, 2, NULL)), "[0, 2, 4]");
    cr_assert_str_eq(drain(make(&map_type, a, 3, NULL)), "[0, 1, 4]");
    expect_error(make(&map_type, a, 1, NULL), &exc_TypeError,
                 "map() must have at least two arguments.");
}

Test(iter, filter_with_none_and_function)
{
    ListObj *l = list_new(0);
    list_append(l, V_INT(0));
    list_append(l, S(""));
    list_append(l, S("a"));
    list_append(l, V_NONE);
    list_append(l, V_INT(3));
    Value a[2] = {V_NONE, V_OBJ(l)};
    cr_assert_str_eq(drain(make(&filter_type, a, 2, NULL)), "['a', 3]");
    a[0] = native_new("is_odd", is_odd, V_NULL, 0);
    a[1] = ints(6);
    cr_assert_str_eq(drain(make(&filter_type, a, 2, NULL)), "[1, 3, 5]");
    expect_error(make(&filter_type, a, 1, NULL), &exc_TypeError,
                 "filter expected 2 arguments, got 1");
}

Test(iter, reversed_sequences_and_errors)
{
    ListObj *l = list_new(0);
    list_append(l, V_INT(1));
    list_append(l, V_INT(2));
    Value a[1] = {V_OBJ(l)};
    cr_assert_str_eq(drain(make(&reversed_type, a, 1, NULL)), "[2, 1]");
    a[0] = S("abc");
    cr_assert_str_eq(drain(make(&reversed_type, a, 1, NULL)), "['c', 'b', 'a']");
    a[0] = V_OBJ(tuple_pack(2, V_INT(1), V_INT(2)));
    cr_assert_str_eq(drain(make(&reversed_type, a, 1, NULL)), "[2, 1]");
    a[0] = range_new(1, 10, 3);
    cr_assert_str_eq(drain(make(&reversed_type, a, 1, NULL)), "[7, 4, 1]");
    a[0] = V_INT(5);
    expect_error(make(&reversed_type, a, 1, NULL), &exc_TypeError,
                 "'int' object is not reversible");
    a[0] = V_OBJ(set_new());
    expect_error(make(&reversed_type, a, 1, NULL), &exc_TypeError,
                 "'set' object is not reversible");
}

Test(iter, reversed_list_stops_when_list_shrinks)
{
    ListObj *l = list_new(3);
    Value it = list_reversed_new(l);
    cr_assert(!IS_NULL(obj_next(it)));
    l->n = 1;
    cr_assert(IS_NULL(obj_next(it)));
    cr_assert(!err_occurred());
}

Test(iter, sequence_iterator_ends_at_index_error)
{
    Value it = iter_seq_new(S("xy"));
    cr_assert_str_eq(drain(it), "['x', 'y']");
    cr_assert(!err_occurred());
    cr_assert(IS_NULL(obj_next(it)));
}

Test(iter, callable_iterator_stops_at_sentinel)
{
    ticks = 0;
    Value it = iter_callable_new(native_new("tick", tick, V_NULL, 0), V_INT(4));
    cr_assert_str_eq(drain(it), "[1, 2, 3]");
    cr_assert(IS_NULL(obj_next(it)));
}

Test(iter, iterators_return_themselves)
{
    Value a[1] = {ints(2)};
    Value e = make(&enumerate_type, a, 1, NULL);
    cr_assert(val_is(obj_iter(e), e));
    Value z = make(&zip_type, a, 1, NULL);
    cr_assert(val_is(obj_iter(z), z));
}
