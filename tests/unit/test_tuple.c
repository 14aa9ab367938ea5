/* Unit tests for runtime/tuple.c and runtime/slice.c: repr, hashing,
 * comparison, indexing, slicing, concatenation and the methods. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(tuple, .init = ut_setup);

static Value call(Value self, const char *name, Value *args, int n)
{
    return obj_call_method(self, name, args, n);
}

static Value T(int n, ...)
{
    TupleObj *t = tuple_new((size_t)n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        t->items[i] = V_INT(va_arg(ap, int));
    va_end(ap);
    return V_OBJ(t);
}

Test(tuple, repr_of_empty_single_and_nested)
{
    cr_assert_str_eq(repr_of(T(0)), "()");
    cr_assert_str_eq(repr_of(T(1, 1)), "(1,)");
    Value nested = V_OBJ(tuple_pack(2, S("a"), T(1, 2)));
    cr_assert_str_eq(repr_of(nested), "('a', (2,))");
    cr_assert_eq(AS_OBJ(T(0)), AS_OBJ(T(0)), "the empty tuple is a singleton");
}

/* A tuple reached again through a list inside it prints as (...), as
 * CPython's does, not once more inside the list's [...]. */
Test(tuple, repr_of_tuple_containing_itself_through_a_list)
{
    ListObj *l = list_new(0);
    Value t = V_OBJ(tuple_pack(1, V_OBJ(l)));
    cr_assert_eq(list_append(l, t), 0);
    cr_assert_str_eq(repr_of(t), "([(...)],)");
    cr_assert_str_eq(repr_of(V_OBJ(l)), "[([...],)]");
}

Test(tuple, hash_is_stable_and_order_sensitive)
{
    int64_t a, b, c;
    cr_assert_eq(obj_hash(T(2, 1, 2), &a), 0);
    cr_assert_eq(obj_hash(T(2, 1, 2), &b), 0);
    cr_assert_eq(obj_hash(T(2, 2, 1), &c), 0);
    cr_assert_eq(a, b);
    cr_assert_neq(a, c);
    Value withlist = V_OBJ(tuple_pack(2, V_INT(1), V_OBJ(list_new(0))));
    int64_t h;
    cr_assert_eq(obj_hash(withlist, &h), -1);
    expect_error(V_NULL, &exc_TypeError, "unhashable type: 'list'");
}

Test(tuple, equal_tuples_hash_equal_across_int_and_float)
{
    int64_t a, b;
    Value f = V_OBJ(tuple_pack(2, V_FLOAT(1.0), V_FLOAT(2.0)));
    cr_assert_eq(obj_richcmp_bool(T(2, 1, 2), f, CMP_EQ), 1);
    obj_hash(T(2, 1, 2), &a);
    obj_hash(f, &b);
    cr_assert_eq(a, b);
}

Test(tuple, compare_lexicographically_and_mixed_types)
{
    cr_assert_eq(obj_richcmp_bool(T(2, 1, 2), T(3, 1, 2, 0), CMP_LT), 1);
    cr_assert_eq(obj_richcmp_bool(T(1, 2), T(2, 1, 9), CMP_GT), 1);
    cr_assert_eq(obj_richcmp_bool(T(0), T(1, 0), CMP_LT), 1);
    Value a = V_OBJ(tuple_pack(2, V_INT(1), S("a")));
    cr_assert_eq(obj_richcmp_bool(a, T(2, 1, 2), CMP_LT), -1);
    expect_error(V_NULL, &exc_TypeError,
                 "'<' not supported between instances of 'str' and 'int'");
    ListObj *l = list_new(0);
    list_append(l, V_INT(1));
    cr_assert_eq(obj_richcmp_bool(T(1, 1), V_OBJ(l), CMP_EQ), 0);
}

Test(tuple, index_slice_and_errors)
{
    Value t = T(4, 10, 20, 30, 40);
    cr_assert_eq(AS_INT(obj_getitem(t, V_INT(-1))), 40);
    cr_assert_str_eq(repr_of(obj_getitem(t, slice_new(V_NONE, V_NONE, V_INT(-1)))),
                     "(40, 30, 20, 10)");
    Value all = obj_getitem(t, slice_new(V_NONE, V_NONE, V_NONE));
    cr_assert_eq(AS_OBJ(all), AS_OBJ(t), "t[:] is t");
    expect_error(obj_getitem(t, V_INT(4)), &exc_IndexError, "tuple index out of range");
    expect_error(obj_getitem(t, S("x")), &exc_TypeError,
                 "tuple indices must be integers or slices, not str");
    cr_assert_eq(obj_setitem(t, V_INT(0), V_INT(1)), -1);
    err_clear();
}

Test(tuple, concat_and_repeat)
{
    cr_assert_str_eq(repr_of(obj_binop(T(2, 1, 2), T(1, 3), BOP_ADD)), "(1, 2, 3)");
    cr_assert_str_eq(repr_of(obj_binop(T(1, 0), V_INT(3), BOP_MUL)), "(0, 0, 0)");
    cr_assert_str_eq(repr_of(obj_binop(V_INT(2), T(1, 7), BOP_MUL)), "(7, 7)");
    Value t = T(1, 1);
    Value r = obj_binop(t, T(2, 2, 3), BOP_INPLACE + BOP_ADD);
    cr_assert_str_eq(repr_of(r), "(1, 2, 3)");
    cr_assert_str_eq(repr_of(t), "(1,)", "tuples do not change in place");
    expect_error(obj_binop(T(1, 1), V_OBJ(list_new(0)), BOP_ADD), &exc_TypeError,
                 "can only concatenate tuple (not \"list\") to tuple");
}

Test(tuple, index_count_and_contains)
{
    Value t = T(8, 3, 1, 4, 1, 5, 9, 2, 6);
    Value a[3] = {V_INT(1), V_INT(2)};
    cr_assert_eq(AS_INT(call(t, "count", a, 1)), 2);
    cr_assert_eq(AS_INT(call(t, "index", a, 2)), 3);
    a[0] = V_INT(7);
    expect_error(call(t, "index", a, 1), &exc_ValueError,
                 "tuple.index(x): x not in tuple");
    cr_assert_eq(obj_contains(t, V_FLOAT(9.0)), 1);
    cr_assert_eq(obj_contains(t, S("9")), 0);
}

Test(tuple, constructor_from_iterables)
{
    Value a[1] = {S("ab")};
    cr_assert_str_eq(repr_of(obj_call(V_OBJ(&tuple_type), a, 1, NULL)), "('a', 'b')");
    a[0] = T(2, 1, 2);
    cr_assert_eq(AS_OBJ(obj_call(V_OBJ(&tuple_type), a, 1, NULL)), AS_OBJ(a[0]));
    cr_assert_str_eq(repr_of(obj_call(V_OBJ(&tuple_type), a, 0, NULL)), "()");
    a[0] = V_INT(3);
    expect_error(obj_call(V_OBJ(&tuple_type), a, 1, NULL), &exc_TypeError,
                 "'int' object is not iterable");
}

Test(tuple, repeat_too_large_is_memory_error)
{
    expect_error(obj_binop(T(2, 1, 2), V_INT(10000000000LL), BOP_MUL),
                 &exc_MemoryError, "");
}

Test(tuple, slice_objects_repr_indices_and_attributes)
{
    Value s = slice_new(V_INT(1), V_INT(2), V_NONE);
    cr_assert_str_eq(repr_of(s), "slice(1, 2, None)");
    cr_assert_eq(AS_INT(obj_getattr_cstr(s, "stop")), 2);
    cr_assert(IS_NONE(obj_getattr_cstr(s, "step")));
    int64_t a, b, c, n;
    Value neg = slice_new(V_NONE, V_NONE, V_INT(-2));
    cr_assert_eq(slice_indices((SliceObj *)AS_OBJ(neg), 5, &a, &b, &c, &n), 0);
    cr_assert_eq(a, 4);
    cr_assert_eq(b, -1);
    cr_assert_eq(n, 3);
    Value args[1] = {V_INT(10)};
    cr_assert_str_eq(repr_of(call(slice_new(V_INT(-3), V_NONE, V_NONE), "indices", args, 1)),
                     "(7, 10, 1)");
    Value bad = slice_new(S("a"), V_NONE, V_NONE);
    cr_assert_eq(slice_indices((SliceObj *)AS_OBJ(bad), 5, &a, &b, &c, &n), -1);
    expect_error(V_NULL, &exc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
    cr_assert_eq(obj_richcmp_bool(s, slice_new(V_INT(1), V_INT(2), V_NONE), CMP_EQ), 1);
}

Test(tuple, span_args_resolve_as_slice_bounds)
{
    size_t s, e;
    Value none_neg[2] = {V_NONE, V_INT(-2)};
    cr_assert_eq(slice_span_args(none_neg, 2, 6, &s, &e), 0);
    cr_assert_eq(s, 0);
    cr_assert_eq(e, 4);
    Value neg_big[2] = {V_INT(-100), V_INT(100)};
    cr_assert_eq(slice_span_args(neg_big, 2, 6, &s, &e), 0);
    cr_assert_eq(s, 0);
    cr_assert_eq(e, 6);
    cr_assert_eq(slice_span_args(NULL, 0, 6, &s, &e), 0);
    cr_assert(s == 0 && e == 6, "omitted: the whole sequence");
    Value past[1] = {V_INT(7)};
    cr_assert_eq(slice_span_args(past, 1, 6, &s, &e), 0);
    cr_assert_eq(s, 7, "past the end: len + 1, where not even \"\" matches");
    Value bad[1] = {S("1")};
    cr_assert_eq(slice_span_args(bad, 1, 6, &s, &e), -1);
    expect_error(V_NULL, &exc_TypeError,
                 "slice indices must be integers or None or have an "
                 "__index__ method");
}
