/* test_object.c - the generic operations and their CPython messages. */
#include <string.h>

#include <criterion/criterion.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(object, .init = ut_setup);

Test(object, val_type_of_unboxed_values)
{
    cr_assert_eq(val_type(V_INT(1)), &int_type);
    cr_assert_eq(val_type(V_TRUE), &bool_type);
    cr_assert_eq(val_type(V_FLOAT(1.5)), &float_type);
    cr_assert_eq(val_type(V_NONE), &none_type);
    cr_assert_eq(val_type(S("x")), &str_type);
    cr_assert(val_isinstance(V_TRUE, &int_type));
    cr_assert(val_isinstance(V_INT(1), &object_type));
}

Test(object, repr_and_str_of_singletons)
{
    cr_assert_str_eq(str_of(V_NONE), "None");
    cr_assert_str_eq(str_of(V_NOTIMPL), "NotImplemented");
    cr_assert_str_eq(str_of(V_ELLIPSIS), "Ellipsis");
    cr_assert_str_eq(str_of(V_OBJ(&int_type)), "<class 'int'>");
}

Test(object, truthiness_uses_len_when_there_is_no_truth_slot)
{
    cr_assert_eq(obj_truthy(V_NONE), 0);
    cr_assert_eq(obj_truthy(V_INT(0)), 0);
    cr_assert_eq(obj_truthy(V_FLOAT(0.0)), 0);
    cr_assert_eq(obj_truthy(V_FLOAT(-0.5)), 1);
    cr_assert_eq(obj_truthy(S("")), 0);
    cr_assert_eq(obj_truthy(S("a")), 1);
    cr_assert_eq(obj_truthy(V_OBJ(list_new(0))), 0);
    cr_assert_eq(obj_truthy(V_OBJ(&object_type)), 1);
}

Test(object, unhashable_list)
{
    int64_t h;
    cr_assert_eq(obj_hash(V_OBJ(list_new(0)), &h), -1);
    cr_assert_str_eq(raised(&exc_TypeError), "unhashable type: 'list'");
}

Test(object, ordering_between_unrelated_types_fails)
{
    cr_assert(IS_NULL(obj_richcmp(V_INT(1), S("a"), CMP_LT)));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'<' not supported between instances of 'int' and "
                     "'str'");
    cr_assert(IS_NULL(obj_richcmp(V_NONE, V_NONE, CMP_GE)));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'>=' not supported between instances of 'NoneType' "
                     "and 'NoneType'");
}

Test(object, equality_falls_back_to_identity)
{
    Value o = obj_call0(V_OBJ(&object_type));
    Value p = obj_call0(V_OBJ(&object_type));
    cr_assert(val_is(obj_richcmp(o, o, CMP_EQ), V_TRUE));
    cr_assert(val_is(obj_richcmp(o, p, CMP_EQ), V_FALSE));
    cr_assert(val_is(obj_richcmp(o, p, CMP_NE), V_TRUE));
    cr_assert(val_is(obj_richcmp(V_INT(1), S("1"), CMP_EQ), V_FALSE));
    cr_assert_eq(obj_eq(V_INT(1), V_FLOAT(1.0)), 1);
    cr_assert_eq(obj_richcmp_bool(V_FLOAT(0.0 / 0.0), V_FLOAT(0.0 / 0.0),
                                  CMP_EQ), 1);
}

Test(object, unsupported_binop_messages)
{
    cr_assert(IS_NULL(obj_binop(V_INT(1), S("a"), BOP_ADD)));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "unsupported operand type(s) for +: 'int' and 'str'");
    cr_assert(IS_NULL(obj_binop(V_INT(2), S("a"), BOP_POW)));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "unsupported operand type(s) for ** or pow(): 'int' "
                     "and 'str'");
    cr_assert(IS_NULL(obj_binop(V_NONE, V_INT(1), BOP_INPLACE + BOP_SUB)));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "unsupported operand type(s) for -=: 'NoneType' and "
                     "'int'");
}

Test(object, binop_reflected_and_inplace_fallback)
{
    Value r = obj_binop(V_INT(2), S("ab"), BOP_MUL);
    cr_assert(!IS_NULL(r));
    cr_assert_str_eq(str_of(r), "abab");
    r = obj_binop(V_INT(5), V_INT(3), BOP_INPLACE + BOP_SUB);
    cr_assert_eq(AS_INT(r), 2);
}

Test(object, unary_errors)
{
    cr_assert(IS_NULL(obj_unop(S("a"), UOP_NEG)));
    cr_assert_str_eq(raised(&exc_TypeError), "bad operand type for unary -: "
                                             "'str'");
    cr_assert(IS_NULL(obj_unop(S("a"), UOP_ABS)));
    cr_assert_str_eq(raised(&exc_TypeError), "bad operand type for abs(): "
                                             "'str'");
    cr_assert(val_is(obj_unop(V_INT(0), UOP_NOT), V_TRUE));
}

Test(object, missing_attribute_messages)
{
    cr_assert(IS_NULL(obj_getattr_cstr(V_INT(1), "x")));
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "'int' object has no attribute 'x'");
    cr_assert(IS_NULL(obj_getattr_cstr(V_NONE, "upper")));
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "'NoneType' object has no attribute 'upper'");
    cr_assert_eq(obj_setattr(V_INT(1), str_intern_cstr("x"), V_INT(2)), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "'int' object has no attribute 'x'");
    Value o = obj_call0(V_OBJ(&object_type));
    cr_assert_eq(obj_setattr(o, str_intern_cstr("x"), V_INT(2)), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "'object' object has no attribute 'x'");
}

Test(object, hasattr_swallows_attribute_error_only)
{
    cr_assert_eq(obj_hasattr(V_INT(1), str_intern_cstr("nope")), 0);
    cr_assert_not(err_occurred());
    cr_assert_eq(obj_hasattr(V_OBJ(&int_type), str_intern_cstr("__name__")),
                 1);
}

Test(object, class_attribute_of_values)
{
    Value c = obj_getattr_cstr(V_INT(1), "__class__");
    cr_assert(val_is(c, V_OBJ(&int_type)));
}

Test(object, type_errors_of_containers)
{
    cr_assert(IS_NULL(obj_call0(V_INT(1))));
    cr_assert_str_eq(raised(&exc_TypeError), "'int' object is not callable");
    cr_assert(IS_NULL(obj_iter(V_INT(1))));
    cr_assert_str_eq(raised(&exc_TypeError), "'int' object is not iterable");
    cr_assert(IS_NULL(obj_getitem(V_INT(1), V_INT(0))));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'int' object is not subscriptable");
    cr_assert_eq(obj_len(V_INT(1)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "object of type 'int' has no len()");
    cr_assert_eq(obj_contains(V_INT(1), V_INT(1)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "argument of type 'int' is not iterable");
    cr_assert(IS_NULL(obj_next(V_INT(1))));
    cr_assert_str_eq(raised(&exc_TypeError), "'int' object is not an "
                                             "iterator");
}

Test(object, tuple_item_assignment_and_deletion)
{
    Value t = V_OBJ(tuple_pack(1, V_INT(1)));
    cr_assert_eq(obj_setitem(t, V_INT(0), V_INT(2)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'tuple' object does not support item assignment");
    cr_assert_eq(obj_delitem(t, V_INT(0)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'tuple' object doesn't support item deletion");
    cr_assert_eq(obj_delitem(V_INT(1), V_INT(0)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'int' object does not support item deletion");
}

Test(object, isinstance_with_tuple_spec)
{
    TupleObj *spec = tuple_pack(2, V_OBJ(&str_type), V_OBJ(&int_type));
    cr_assert_eq(obj_isinstance_spec(V_TRUE, V_OBJ(spec)), 1);
    cr_assert_eq(obj_isinstance_spec(V_NONE, V_OBJ(spec)), 0);
    cr_assert_eq(obj_isinstance_spec(V_NONE, V_INT(1)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "isinstance() arg 2 must be a type, a tuple of types, "
                     "or a union");
    cr_assert_eq(obj_issubclass_spec(V_OBJ(&bool_type), V_OBJ(&int_type)), 1);
    cr_assert_eq(obj_issubclass_spec(V_INT(1), V_OBJ(&int_type)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "issubclass() arg 1 must be a class");
}

Test(object, native_functions_and_bound_methods)
{
    Value append = obj_getattr_cstr(V_OBJ(list_new(0)), "append");
    cr_assert(IS_TYPE(append, native_type));
    const char *r = str_of(append);
    cr_assert(strncmp(r, "<built-in method append of list object at 0x",
                      44) == 0, "%s", r);
    ListObj *l = list_new(0);
    Value app = obj_getattr_cstr(V_OBJ(l), "append");
    cr_assert(!IS_NULL(obj_call1(app, V_INT(3))));
    cr_assert_eq(l->n, 1);
    cr_assert_eq(AS_INT(l->items[0]), 3);
}

Test(object, contains_falls_back_to_iteration)
{
    Value t = V_OBJ(tuple_pack(2, V_INT(1), S("x")));
    cr_assert_eq(obj_contains_by_iter(t, S("x")), 1);
    cr_assert_eq(obj_contains_by_iter(t, V_INT(2)), 0);
}

Test(object, repr_recursion_is_guarded)
{
    ts_current->c_depth = ts_recursion_limit;
    Value r = obj_repr(V_OBJ(list_new(0)));
    ts_current->c_depth = 0;
    cr_assert(IS_NULL(r));
    cr_assert_str_eq(raised(&exc_RecursionError),
                     "maximum recursion depth exceeded while getting the "
                     "repr of an object");
}

/* Sums the ints it is given, failing at the first negative one. */
static int sum_non_negative(Value item, void *ctx)
{
    if (AS_INT(item) < 0) {
        err_set(&exc_ValueError, "negative");
        return -1;
    }
    *(int64_t *)ctx += AS_INT(item);
    return 0;
}

Test(object, foreach_visits_every_item_in_order)
{
    int64_t sum = 0;
    cr_assert_eq(obj_foreach(range_new(0, 5, 1), sum_non_negative, &sum), 0);
    cr_assert_eq(sum, 10);
    cr_assert(!err_occurred());
}

Test(object, foreach_stops_at_the_first_failure)
{
    int64_t sum = 0;
    Value t = V_OBJ(tuple_pack(3, V_INT(1), V_INT(-1), V_INT(100)));
    cr_assert_eq(obj_foreach(t, sum_non_negative, &sum), -1);
    cr_assert_eq(sum, 1, "the item after the failure is not visited");
    cr_assert_str_eq(raised(&exc_ValueError), "negative");
}

Test(object, foreach_of_a_non_iterable_is_a_type_error)
{
    int64_t sum = 0;
    cr_assert_eq(obj_foreach(V_INT(3), sum_non_negative, &sum), -1);
    cr_assert_str_eq(raised(&exc_TypeError), "'int' object is not iterable");
}

Test(object, an_iterator_is_its_own_iter)
{
    Value it = obj_iter(V_OBJ(list_new(0)));
    cr_assert(!IS_NULL(it));
    cr_assert(val_is(obj_iter(it), it));
    cr_assert(val_is(obj_iter_self(it), it));
}

Test(object, attr_name_is_interned_or_a_type_error)
{
    StrObj *n = obj_attr_name(S("spam"));
    cr_assert_not_null(n);
    cr_assert_eq(n, str_intern_cstr("spam"), "the interned copy");
    cr_assert_null(obj_attr_name(V_INT(1)));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "attribute name must be string, not 'int'");
}
