/* Unit tests for runtime/range.c: construction errors, length, indexing,
 * O(1) membership, slicing, equality, repr and the iterator. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(range, .init = ut_setup);

static Value call(Value self, const char *name, Value *args, int n)
{
    return obj_call_method(self, name, args, n);
}

static Value R(int64_t a, int64_t b, int64_t c)
{
    return range_new(a, b, c);
}

static Value make(Value *args, int n)
{
    return obj_call(V_OBJ(&range_type), args, n, NULL);
}

Test(range, constructor_forms_and_errors)
{
    Value a[3] = {V_INT(5)};
    cr_assert_str_eq(repr_of(make(a, 1)), "range(0, 5)");
    a[0] = V_INT(1);
    a[1] = V_INT(10);
    a[2] = V_INT(2);
    cr_assert_str_eq(repr_of(make(a, 3)), "range(1, 10, 2)");
    a[2] = V_INT(0);
    expect_error(make(a, 3), &exc_ValueError, "range() arg 3 must not be zero");
    a[0] = V_FLOAT(1.5);
    expect_error(make(a, 1), &exc_TypeError,
                 "'float' object cannot be interpreted as an integer");
    expect_error(make(a, 0), &exc_TypeError, "range expected at least 1 argument, got 0");
}

Test(range, length_and_indexing)
{
    Value r = R(3, 30, 4);
    cr_assert_eq(obj_len(r), 7);
    cr_assert_eq(obj_len(R(10, 0, 1)), 0);
    cr_assert_eq(obj_len(R(10, 0, -3)), 4);
    cr_assert_eq(AS_INT(obj_getitem(r, V_INT(-1))), 27);
    cr_assert_eq(AS_INT(obj_getitem(r, V_INT(1))), 7);
    expect_error(obj_getitem(r, S("x")), &exc_TypeError,
                 "range indices must be integers or slices, not str");
    expect_error(obj_getitem(r, V_INT(7)), &exc_IndexError,
                 "range object index out of range");
    expect_error(obj_getitem(r, V_INT(-8)), &exc_IndexError,
                 "range object index out of range");
}

Test(range, membership_is_arithmetic)
{
    Value r = R(3, 30, 4);
    cr_assert_eq(obj_contains(r, V_INT(7)), 1);
    cr_assert_eq(obj_contains(r, V_INT(8)), 0);
    cr_assert_eq(obj_contains(r, V_INT(30)), 0);
    cr_assert_eq(obj_contains(r, V_FLOAT(11.0)), 1);
    cr_assert_eq(obj_contains(R(0, INT64_MAX, 1), V_INT(INT64_MAX - 1)), 1);
    cr_assert_eq(obj_contains(R(10, -10, -5), V_INT(-5)), 1);
    Value a[1] = {V_INT(4)};
    expect_error(call(r, "index", a, 1), &exc_ValueError, "4 is not in range");
    a[0] = V_INT(11);
    cr_assert_eq(AS_INT(call(r, "index", a, 1)), 2);
}

Test(range, slicing_gives_ranges)
{
    Value r = R(3, 30, 4);
    cr_assert_str_eq(repr_of(obj_getitem(r, slice_new(V_INT(1), V_INT(4), V_NONE))),
                     "range(7, 19, 4)");
    cr_assert_str_eq(repr_of(obj_getitem(r, slice_new(V_NONE, V_NONE, V_INT(-1)))),
                     "range(27, -1, -4)");
    cr_assert_str_eq(repr_of(obj_getitem(r, slice_new(V_NONE, V_NONE, V_INT(2)))),
                     "range(3, 31, 8)");
}

Test(range, equality_compares_values)
{
    cr_assert_eq(obj_richcmp_bool(R(0, 3, 1), R(0, 3, 1), CMP_EQ), 1);
    cr_assert_eq(obj_richcmp_bool(R(0, 0, 1), R(5, 5, 2), CMP_EQ), 1);
    cr_assert_eq(obj_richcmp_bool(R(1, 2, 1), R(1, 3, 5), CMP_EQ), 1);
    cr_assert_eq(obj_richcmp_bool(R(0, 3, 1), R(0, 4, 1), CMP_EQ), 0);
    int64_t a, b;
    obj_hash(R(0, 3, 1), &a);
    obj_hash(R(0, 3, 1), &b);
    cr_assert_eq(a, b);
}

Test(range, iterates_to_the_int64_edge_without_overflow)
{
    Value it = obj_iter(R(INT64_MAX - 7, INT64_MAX, 3));
    cr_assert_eq(AS_INT(obj_next(it)), INT64_MAX - 7);
    cr_assert_eq(AS_INT(obj_next(it)), INT64_MAX - 4);
    cr_assert_eq(AS_INT(obj_next(it)), INT64_MAX - 1);
    cr_assert(IS_NULL(obj_next(it)));
    cr_assert(!err_occurred());
}

Test(range, reversed_and_fast_path)
{
    Value it = range_reversed_new((RangeObj *)AS_OBJ(R(1, 10, 3)));
    Value v;
    int64_t got[4];
    int n = 0;
    while (range_iter_next_fast((RangeIterObj *)AS_OBJ(it), &v))
        got[n++] = AS_INT(v);
    cr_assert_eq(n, 3);
    cr_assert(got[0] == 7 && got[1] == 4 && got[2] == 1);
}

Test(range, attributes_and_truth)
{
    Value r = R(2, 9, 3);
    cr_assert_eq(AS_INT(obj_getattr_cstr(r, "start")), 2);
    cr_assert_eq(AS_INT(obj_getattr_cstr(r, "step")), 3);
    cr_assert_eq(obj_truthy(R(0, 0, 1)), 0);
    cr_assert_eq(obj_truthy(r), 1);
    Value a[1] = {V_INT(5)};
    cr_assert_eq(AS_INT(call(r, "count", a, 1)), 1);
}
