/* Unit tests for runtime/list.c and runtime/sort.c: indexing and slicing
 * with CPython's messages, slice assignment, operators, methods, the repr
 * recursion guard, the iterator fast path and the stable sort. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(list, .init = ut_setup);

static void expect_error_rc(int rc, TypeObj *type, const char *msg)
{
    cr_assert_eq(rc, -1);
    expect_error(V_NULL, type, msg);
}

/* list(range(n)) built directly. */
static Value range_list(int n)
{
    ListObj *l = list_new(0);
    for (int i = 0; i < n; i++)
        list_append(l, V_INT(i));
    return V_OBJ(l);
}

static Value call(Value self, const char *name, Value *args, int n)
{
    return obj_call_method(self, name, args, n);
}

static Value slice(Value a, Value b, Value c)
{
    return slice_new(a, b, c);
}

Test(list, index_negative_and_out_of_range)
{
    Value l = range_list(5);
    cr_assert_eq(AS_INT(obj_getitem(l, V_INT(-1))), 4);
    cr_assert_eq(AS_INT(obj_getitem(l, V_TRUE)), 1);
    expect_error(obj_getitem(l, V_INT(5)), &exc_IndexError,
                 "list index out of range");
    expect_error(obj_getitem(l, V_INT(-6)), &exc_IndexError,
                 "list index out of range");
    expect_error(obj_getitem(l, S("a")), &exc_TypeError,
                 "list indices must be integers or slices, not str");
    expect_error_rc(obj_setitem(l, V_INT(9), V_NONE), &exc_IndexError,
                    "list assignment index out of range");
}

Test(list, slices_with_steps)
{
    Value l = range_list(10);
    cr_assert_str_eq(repr_of(obj_getitem(l, slice(V_INT(8), V_INT(2), V_INT(-2)))),
                     "[8, 6, 4]");
    cr_assert_str_eq(repr_of(obj_getitem(l, slice(V_NONE, V_NONE, V_INT(-3)))),
                     "[9, 6, 3, 0]");
    cr_assert_str_eq(repr_of(obj_getitem(l, slice(V_INT(-100), V_INT(2), V_NONE))),
                     "[0, 1]");
    expect_error(obj_getitem(l, slice(V_NONE, V_NONE, V_INT(0))),
                 &exc_ValueError, "slice step cannot be zero");
}

Test(list, slice_assignment_grows_shrinks_and_checks_extended_size)
{
    Value l = range_list(8);
    Value abc = V_OBJ(tuple_pack(3, S("a"), S("b"), S("c")));
    cr_assert_eq(obj_setitem(l, slice(V_INT(2), V_INT(4), V_NONE), abc), 0);
    cr_assert_str_eq(repr_of(l), "[0, 1, 'a', 'b', 'c', 4, 5, 6, 7]");
    cr_assert_eq(obj_setitem(l, slice(V_INT(1), V_INT(3), V_NONE),
                             V_OBJ(list_new(0))), 0);
    cr_assert_str_eq(repr_of(l), "[0, 'b', 'c', 4, 5, 6, 7]");
    Value two = range_list(2);
    expect_error_rc(obj_setitem(l, slice(V_NONE, V_NONE, V_INT(3)), two),
                    &exc_ValueError,
                    "attempt to assign sequence of size 2 to extended slice of size 3");
    expect_error_rc(obj_setitem(l, slice(V_NONE, V_NONE, V_INT(2)), V_INT(5)),
                    &exc_TypeError, "must assign iterable to extended slice");
    expect_error_rc(obj_setitem(l, slice(V_NONE, V_INT(2), V_NONE), V_INT(5)),
                    &exc_TypeError, "can only assign an iterable");
}

Test(list, slice_assign_from_itself_and_delete_extended)
{
    Value l = range_list(4);
    cr_assert_eq(obj_setitem(l, slice(V_INT(1), V_INT(1), V_NONE), l), 0);
    cr_assert_str_eq(repr_of(l), "[0, 0, 1, 2, 3, 1, 2, 3]");
    cr_assert_eq(obj_delitem(l, slice(V_NONE, V_NONE, V_INT(3))), 0);
    cr_assert_str_eq(repr_of(l), "[0, 1, 3, 1, 3]");
    cr_assert_eq(obj_delitem(l, slice(V_NONE, V_NONE, V_INT(-2))), 0);
    cr_assert_str_eq(repr_of(l), "[1, 1]");
    cr_assert_eq(obj_delitem(l, V_INT(-1)), 0);
    cr_assert_str_eq(repr_of(l), "[1]");
}

Test(list, concat_repeat_and_inplace)
{
    Value a = range_list(2), b = range_list(1);
    cr_assert_str_eq(repr_of(obj_binop(a, b, BOP_ADD)), "[0, 1, 0]");
    cr_assert_str_eq(repr_of(obj_binop(V_INT(2), a, BOP_MUL)), "[0, 1, 0, 1]");
    cr_assert_str_eq(repr_of(obj_binop(a, V_INT(-1), BOP_MUL)), "[]");
    expect_error(obj_binop(a, V_OBJ(tuple_pack(1, V_INT(2))), BOP_ADD),
                 &exc_TypeError, "can only concatenate list (not \"tuple\") to list");
    expect_error(obj_binop(a, V_FLOAT(2.0), BOP_MUL), &exc_TypeError,
                 "can't multiply sequence by non-int of type 'float'");
    Value r = obj_binop(a, S("xy"), BOP_INPLACE + BOP_ADD);
    cr_assert(val_is(r, a), "+= returns the same list");
    cr_assert_str_eq(repr_of(a), "[0, 1, 'x', 'y']");
    expect_error(obj_binop(a, V_INT(10000000000LL), BOP_MUL), &exc_MemoryError, "");
}

Test(list, compare_lexicographically)
{
    Value a = range_list(3), b = range_list(3);
    cr_assert_eq(obj_richcmp_bool(a, b, CMP_EQ), 1);
    list_append((ListObj *)AS_OBJ(b), V_INT(0));
    cr_assert_eq(obj_richcmp_bool(a, b, CMP_LT), 1);
    ((ListObj *)AS_OBJ(b))->items[1] = V_INT(0);
    cr_assert_eq(obj_richcmp_bool(a, b, CMP_GT), 1);
    ListObj *m = list_new(0);
    list_append(m, V_INT(1));
    ListObj *n = list_new(0);
    list_append(n, S("a"));
    expect_error_rc(obj_richcmp_bool(V_OBJ(m), V_OBJ(n), CMP_LT), &exc_TypeError,
                    "'<' not supported between instances of 'int' and 'str'");
}

Test(list, repr_guards_recursion)
{
    Value l = range_list(1);
    list_append((ListObj *)AS_OBJ(l), l);
    cr_assert_str_eq(repr_of(l), "[0, [...]]");
    cr_assert_str_eq(repr_of(V_OBJ(list_new(0))), "[]");
}

Test(list, methods_pop_remove_index_count_insert)
{
    Value l = range_list(5);
    Value a[2];
    cr_assert_eq(AS_INT(call(l, "pop", NULL, 0)), 4);
    a[0] = V_INT(0);
    cr_assert_eq(AS_INT(call(l, "pop", a, 1)), 0);
    a[0] = V_INT(7);
    expect_error(call(l, "pop", a, 1), &exc_IndexError, "pop index out of range");
    expect_error(call(V_OBJ(list_new(0)), "pop", NULL, 0), &exc_IndexError,
                 "pop from empty list");
    a[0] = V_INT(-100);
    a[1] = S("s");
    call(l, "insert", a, 2);
    cr_assert_str_eq(repr_of(l), "['s', 1, 2, 3]");
    a[0] = V_INT(2);
    cr_assert_eq(AS_INT(call(l, "index", a, 1)), 2);
    a[0] = V_INT(4);
    expect_error(call(l, "index", a, 1), &exc_ValueError, "4 is not in list");
    a[0] = S("zz");
    expect_error(call(l, "remove", a, 1), &exc_ValueError,
                 "list.remove(x): x not in list");
    a[0] = V_FLOAT(1.0);
    cr_assert_eq(AS_INT(call(l, "count", a, 1)), 1);
    expect_error(call(l, "append", NULL, 0), &exc_TypeError,
                 "list.append() takes exactly one argument (0 given)");
}

Test(list, index_with_bounds)
{
    Value l = range_list(5);
    list_append((ListObj *)AS_OBJ(l), V_INT(2));
    Value a[3] = {V_INT(2), V_INT(3), V_INT(-1)};
    cr_assert_eq(AS_INT(call(l, "index", a, 2)), 5);
    expect_error(call(l, "index", a, 3), &exc_ValueError, "2 is not in list");
}

Test(list, iterator_sees_appends_and_fast_path_agrees)
{
    Value l = range_list(2);
    Value it = obj_iter(l);
    cr_assert(IS_TYPE(it, list_iter_type));
    cr_assert_eq(AS_INT(obj_next(it)), 0);
    list_append((ListObj *)AS_OBJ(l), V_INT(9));
    Value v;
    cr_assert(list_iter_next_fast((ListIterObj *)AS_OBJ(it), &v));
    cr_assert_eq(AS_INT(v), 1);
    cr_assert_eq(AS_INT(obj_next(it)), 9);
    cr_assert(IS_NULL(obj_next(it)));
    cr_assert(!err_occurred());
}

Test(list, constructor_and_memory_error)
{
    Value a[1] = {S("ab")};
    cr_assert_str_eq(repr_of(obj_call(V_OBJ(&list_type), a, 1, NULL)), "['a', 'b']");
    a[0] = range_new(0, 10000000000LL, 1);
    expect_error(obj_call(V_OBJ(&list_type), a, 1, NULL), &exc_MemoryError, "");
    a[0] = V_INT(1);
    expect_error(obj_call(V_OBJ(&list_type), a, 1, NULL), &exc_TypeError,
                 "'int' object is not iterable");
}

/* A key function written in C: the string's length. */
static Value len_key(Value *args, int nargs, TupleObj *kwnames)
{
    (void)nargs;
    (void)kwnames;
    return V_INT(obj_len(args[0]));
}

/* Raises on its third call. */
static int key_calls;
static Value failing_key(Value *args, int nargs, TupleObj *kwnames)
{
    (void)nargs;
    (void)kwnames;
    if (++key_calls == 3)
        return err_set(&exc_ZeroDivisionError, "division by zero");
    return args[0];
}

Test(list, sort_stable_with_key_and_reverse)
{
    ListObj *l = list_new(0);
    const char *words[] = {"bb", "a", "cc", "d", "ee"};
    for (int i = 0; i < 5; i++)
        list_append(l, S(words[i]));
    Value key = native_new("len_key", len_key, V_NULL, 0);
    cr_assert_eq(list_sort(l, key, 0), 0);
    cr_assert_str_eq(repr_of(V_OBJ(l)), "['a', 'd', 'bb', 'cc', 'ee']");
    cr_assert_eq(list_sort(l, key, 1), 0);
    cr_assert_str_eq(repr_of(V_OBJ(l)), "['bb', 'cc', 'ee', 'a', 'd']");
}

Test(list, sort_key_error_leaves_list_intact)
{
    Value l = range_list(5);
    key_calls = 0;
    Value key = native_new("failing_key", failing_key, V_NULL, 0);
    cr_assert_eq(list_sort((ListObj *)AS_OBJ(l), key, 0), -1);
    expect_error(V_NULL, &exc_ZeroDivisionError, "division by zero");
    cr_assert_str_eq(repr_of(l), "[0, 1, 2, 3, 4]");
}

Test(list, sort_method_takes_keywords_only)
{
    Value l = range_list(3);
    Value a[2] = {V_TRUE};
    TupleObj *kw = tuple_pack(1, V_OBJ(str_intern_cstr("reverse")));
    cr_assert(IS_NONE(obj_call_method(l, "sort", NULL, 0)));
    Value sortm = obj_getattr_cstr(l, "sort");
    cr_assert(IS_NONE(obj_call(sortm, a, 0, kw)));
    cr_assert_str_eq(repr_of(l), "[2, 1, 0]");
    expect_error(obj_call(sortm, a, 1, NULL), &exc_TypeError,
                 "sort() takes no positional arguments");
    kw = tuple_pack(1, V_OBJ(str_intern_cstr("foo")));
    expect_error(obj_call(sortm, a, 0, kw), &exc_TypeError,
                 "'foo' is an invalid keyword argument for sort()");
}

Test(list, sort_many_ints_and_strs)
{
    ListObj *l = list_new(0);
    for (int i = 0; i < 5000; i++)
        list_append(l, V_INT((i * 7919) % 1000));
    cr_assert_eq(list_sort(l, V_NULL, 0), 0);
    for (size_t i = 1; i < l->n; i++)
        cr_assert_leq(AS_INT(l->items[i - 1]), AS_INT(l->items[i]));
    ListObj *s = list_new(0);
    const char *w[] = {"pear", "apple", "fig", "Zoo", "é", "apples"};
    for (int i = 0; i < 6; i++)
        list_append(s, S(w[i]));
    cr_assert_eq(list_sort(s, V_NULL, 0), 0);
    cr_assert_str_eq(repr_of(V_OBJ(s)),
                     "['Zoo', 'apple', 'apples', 'fig', 'pear', 'é']");
}

Test(list, sort_mixed_types_raises_and_keeps_items)
{
    ListObj *l = list_new(0);
    for (int i = 0; i < 40; i++)
        list_append(l, i == 20 ? S("x") : V_INT(40 - i));
    cr_assert_eq(list_sort(l, V_NULL, 0), -1);
    Value e = err_fetch();
    cr_assert_str_eq(cstr(obj_str(e)), "'<' not supported between instances of 'str' and 'int'");
    cr_assert_eq(l->n, 40, "the list keeps all its items");
    int strs = 0;
    for (size_t i = 0; i < l->n; i++)
        strs += IS_TYPE(l->items[i], str_type);
    cr_assert_eq(strs, 1);
}

Test(list, sort_mixed_numbers_and_bools_is_stable)
{
    ListObj *l = list_new(0);
    list_append(l, V_INT(3));
    list_append(l, V_FLOAT(1.5));
    list_append(l, V_TRUE);
    list_append(l, V_INT(1));
    list_append(l, V_INT(0));
    cr_assert_eq(list_sort(l, V_NULL, 0), 0);
    cr_assert_str_eq(repr_of(V_OBJ(l)), "[0, True, 1, 1.5, 3]");
}

Test(list, methods_called_through_the_type_check_self)
{
    Value append = obj_getattr_cstr(V_OBJ(&list_type), "append");
    Value a[2] = {V_INT(5), V_INT(1)};
    expect_error(obj_call(append, a, 2, NULL), &exc_TypeError,
                 "descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
    a[0] = V_OBJ(list_new(0));
    cr_assert(IS_NONE(obj_call(append, a, 2, NULL)));
    cr_assert_str_eq(repr_of(a[0]), "[1]");
}

/* append has a shortcut while the list has room: appends that fill the
 * capacity, grow it, and go through the type must all land in order. */
Test(list, append_fast_and_slow_paths_agree)
{
    ListObj *l = list_new(0);
    Value lv = V_OBJ(l);
    for (int i = 0; i < 100; i++) {
        Value r = obj_call_method(lv, "append", (Value[]){V_INT(i)}, 1);
        cr_assert(IS_NONE(r));
    }
    Value m = obj_getattr(V_OBJ(&list_type), str_intern_cstr("append"));
    cr_assert(IS_NONE(obj_call(m, (Value[]){lv, V_INT(100)}, 2, NULL)));
    cr_assert_eq(l->n, 101);
    for (int i = 0; i <= 100; i++)
        cr_assert_eq(AS_INT(l->items[i]), i);
    Value r = obj_call(m, (Value[]){V_INT(1), V_INT(2)}, 2, NULL);
    cr_assert(IS_NULL(r));
    err_clear();
    r = obj_call_method(lv, "append", NULL, 0);
    cr_assert(IS_NULL(r));
    err_clear();
}

/* slice_indices has a shortcut for int or omitted bounds without a step;
 * it must agree with the general path (taken for an explicit step of 1)
 * for every bound, negative and past either end. */
Test(list, slice_indices_shortcut_matches_general_path)
{
    const Value bounds[] = {V_NONE, V_INT(0), V_INT(1), V_INT(3), V_INT(5),
                            V_INT(9), V_INT(-1), V_INT(-5), V_INT(-9),
                            V_INT(INT64_MAX), V_INT(INT64_MIN)};
    const size_t nb = sizeof bounds / sizeof bounds[0];
    for (int64_t len = 0; len <= 6; len++)
        for (size_t i = 0; i < nb; i++)
            for (size_t j = 0; j < nb; j++) {
                int64_t a1, b1, s1, n1, a2, b2, s2, n2;
                SliceObj *fast = (SliceObj *)AS_OBJ(slice_new(bounds[i], bounds[j], V_NONE));
                SliceObj *gen = (SliceObj *)AS_OBJ(slice_new(bounds[i], bounds[j], V_INT(1)));
                cr_assert_eq(slice_indices(fast, len, &a1, &b1, &s1, &n1), 0);
                cr_assert_eq(slice_indices(gen, len, &a2, &b2, &s2, &n2), 0);
                cr_assert(a1 == a2 && b1 == b2 && s1 == s2 && n1 == n2,
                          "len %lld bounds %zu %zu", (long long)len, i, j);
            }
}
