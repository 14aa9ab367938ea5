/* Unit tests for runtime/set.c: the table follows CPython 3.11 so that
 * sets print in the same order; the algebra, methods and errors. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(set, .init = ut_setup);

static Value call(Value self, const char *name, Value *args, int n)
{
    return obj_call_method(self, name, args, n);
}

/* A set built by adding ints in order, as BUILD_SET and set.add do. */
static Value SI(int n, ...)
{
    SetObj *s = set_new();
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        cr_assert_eq(set_add(s, V_INT(va_arg(ap, int))), 0);
    va_end(ap);
    return V_OBJ(s);
}

static SetObj *AS(Value v)
{
    return (SetObj *)AS_OBJ(v);
}

Test(set, prints_in_cpython_table_order)
{
    cr_assert_str_eq(repr_of(SI(3, 3, 1, 2)), "{1, 2, 3}");
    cr_assert_str_eq(repr_of(SI(2, 8, 1)), "{8, 1}");
    cr_assert_str_eq(repr_of(SI(3, 3, -1, -5)), "{3, -1, -5}");
    cr_assert_str_eq(repr_of(SI(4, 32, 1, 64, 2)), "{32, 1, 2, 64}");
    cr_assert_str_eq(repr_of(SI(5, 105, 176, 165, 155, -24)),
                     "{165, -24, 105, 176, 155}");
    cr_assert_str_eq(repr_of(V_OBJ(set_new())), "set()");
}

Test(set, constant_displays_match_cpython_folding)
{
    Value items[7] = {V_INT(105), V_INT(176), V_INT(165), V_INT(155), V_INT(-24)};
    cr_assert_str_eq(repr_of(V_OBJ(set_from_const_display(items, 5))),
                     "{176, 165, -24, 105, 155}");
    int xs[7] = {-10, 86, 154, 75, 80, 126, 57};
    for (int i = 0; i < 7; i++)
        items[i] = V_INT(xs[i]);
    cr_assert_str_eq(repr_of(V_OBJ(set_from_const_display(items, 7))),
                     "{80, 86, -10, 57, 154, 75, 126}");
}

Test(set, deleted_slots_are_reused_like_cpython)
{
    Value s = SI(4, 0, 1, 2, 3);
    cr_assert_eq(set_discard(AS(s), V_INT(1)), 1);
    set_add(AS(s), V_INT(9));
    cr_assert_str_eq(repr_of(s), "{0, 9, 2, 3}");
    Value t = SI(5, 0, 1, 2, 3, 4);
    set_discard(AS(t), V_INT(1));
    set_add(AS(t), V_INT(9));
    cr_assert_str_eq(repr_of(t), "{0, 2, 3, 4, 9}");
}

Test(set, operators_give_cpython_results)
{
    Value a = SI(4, 1, 2, 3, 4), b = SI(4, 3, 4, 5, 6);
    cr_assert_str_eq(repr_of(obj_binop(a, b, BOP_OR)), "{1, 2, 3, 4, 5, 6}");
    cr_assert_str_eq(repr_of(obj_binop(a, b, BOP_AND)), "{3, 4}");
    cr_assert_str_eq(repr_of(obj_binop(a, b, BOP_SUB)), "{1, 2}");
    cr_assert_str_eq(repr_of(obj_binop(b, a, BOP_SUB)), "{5, 6}");
    cr_assert_str_eq(repr_of(obj_binop(a, b, BOP_XOR)), "{1, 2, 5, 6}");
    expect_error(obj_binop(a, V_OBJ(list_new(0)), BOP_OR), &exc_TypeError,
                 "unsupported operand type(s) for |: 'set' and 'list'");
}

Test(set, inplace_operators_mutate)
{
    Value c = SI(3, 1, 2, 3);
    cr_assert(val_is(obj_binop(c, SI(1, 7), BOP_INPLACE + BOP_OR), c));
    obj_binop(c, SI(3, 1, 2, 7), BOP_INPLACE + BOP_AND);
    cr_assert_str_eq(repr_of(c), "{1, 2, 7}");
    obj_binop(c, SI(1, 1), BOP_INPLACE + BOP_SUB);
    obj_binop(c, SI(2, 2, 3), BOP_INPLACE + BOP_XOR);
    cr_assert_str_eq(repr_of(c), "{3, 7}");
}

Test(set, comparisons_are_subset_tests)
{
    Value a = SI(4, 1, 2, 3, 4), b = SI(2, 3, 4);
    cr_assert_eq(obj_richcmp_bool(b, a, CMP_LE), 1);
    cr_assert_eq(obj_richcmp_bool(b, a, CMP_LT), 1);
    cr_assert_eq(obj_richcmp_bool(a, a, CMP_LT), 0);
    cr_assert_eq(obj_richcmp_bool(a, SI(4, 4, 3, 2, 1), CMP_EQ), 1);
    cr_assert_eq(obj_richcmp_bool(a, b, CMP_GT), 1);
    cr_assert_eq(obj_richcmp_bool(a, V_OBJ(list_new(0)), CMP_EQ), 0);
}

Test(set, methods_accept_any_iterable)
{
    Value a = SI(3, 1, 2, 3);
    ListObj *five = list_new(0);
    list_append(five, V_INT(5));
    Value args[2] = {V_OBJ(five), V_OBJ(tuple_pack(1, V_INT(6)))};
    cr_assert_str_eq(repr_of(call(a, "union", args, 2)), "{1, 2, 3, 5, 6}");
    args[0] = SI(3, 2, 3, 4);
    cr_assert_str_eq(repr_of(call(a, "symmetric_difference", args, 1)), "{1, 4}");
    cr_assert_eq(call(a, "issubset", args, 1).as.i, 0);
    args[0] = V_OBJ(five);
    cr_assert(AS_BOOL(call(a, "isdisjoint", args, 1)));
    Value c = call(a, "copy", NULL, 0);
    args[0] = S("ab");
    cr_assert(IS_NONE(call(c, "intersection_update", args, 1)));
    cr_assert_str_eq(repr_of(c), "set()");
    cr_assert_str_eq(repr_of(a), "{1, 2, 3}");
}

Test(set, errors_match_cpython)
{
    Value s = V_OBJ(set_new());
    expect_error(call(s, "pop", NULL, 0), &exc_KeyError, "'pop from an empty set'");
    Value a[1] = {V_INT(3)};
    expect_error(call(s, "remove", a, 1), &exc_KeyError, "3");
    a[0] = V_OBJ(list_new(0));
    expect_error(call(s, "add", a, 1), &exc_TypeError, "unhashable type: 'list'");
    expect_error(call(s, "add", NULL, 0), &exc_TypeError,
                 "set.add() takes exactly one argument (0 given)");
}

Test(set, pop_walks_the_table_from_the_finger)
{
    Value s = SI(3, 1, 2, 3);
    cr_assert_eq(AS_INT(call(s, "pop", NULL, 0)), 1);
    cr_assert_eq(AS_INT(call(s, "pop", NULL, 0)), 2);
    cr_assert_str_eq(repr_of(s), "{3}");
}

Test(set, equal_numbers_are_one_element_and_iteration_checks_size)
{
    Value s = V_OBJ(set_new());
    set_add(AS(s), V_INT(1));
    set_add(AS(s), V_FLOAT(1.0));
    set_add(AS(s), V_TRUE);
    set_add(AS(s), V_INT(2));
    cr_assert_str_eq(repr_of(s), "{1, 2}");
    Value it = obj_iter(s);
    cr_assert_eq(AS_INT(obj_next(it)), 1);
    set_add(AS(s), V_INT(5));
    expect_error(obj_next(it), &exc_RuntimeError, "Set changed size during iteration");
}

Test(set, large_sets_grow_and_shrink_after_difference)
{
    SetObj *s = set_new();
    for (int i = 0; i < 10000; i++)
        set_add(s, V_INT(i));
    SetObj *half = set_new();
    for (int i = 0; i < 10000; i += 2)
        set_add(half, V_INT(i));
    cr_assert_eq(obj_len(obj_binop(V_OBJ(s), V_OBJ(half), BOP_SUB)), 5000);
    obj_binop(V_OBJ(s), V_OBJ(half), BOP_INPLACE + BOP_SUB);
    cr_assert_eq(set_len(s), 5000);
    cr_assert_eq(set_contains(s, V_INT(7)), 1);
    cr_assert_eq(set_contains(s, V_INT(8)), 0);
}
