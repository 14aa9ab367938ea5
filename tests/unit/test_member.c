/* test_member.c - __slots__: the layout member_install gives a class,
 * member descriptors reading and writing their instance's Value, and
 * instances without a dict. */
#include <criterion/criterion.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(member, .init = ut_setup);

static TypeObj *slotted(const char *name, TypeObj *base, Value slots)
{
    DictObj *ns = dict_new();
    dict_set_str(ns, str_intern_cstr("__slots__"), slots);
    Value c = type_new_class(str_from_cstr(name), NULL, base, ns);
    cr_assert(!IS_NULL(c));
    return (TypeObj *)AS_OBJ(c);
}

Test(member, layout_and_no_dict)
{
    TypeObj *t = slotted("P", NULL, V_OBJ(tuple_pack(2, S("x"), S("y"))));
    cr_assert_eq(t->flags & TF_HAS_DICT, 0, "object base: no dict");
    cr_assert_eq(t->flags & TF_INLINE_VALUES, 0);
    cr_assert_eq(t->slots_begin, sizeof(InstanceObj));
    cr_assert_eq(t->instance_size, sizeof(InstanceObj) + 2 * sizeof(Value));
    /* a subclass without __slots__ keeps them and gets a dict */
    Value q = type_new_class(str_from_cstr("Q"), NULL, t, dict_new());
    TypeObj *sub = (TypeObj *)AS_OBJ(q);
    cr_assert(sub->flags & TF_HAS_DICT);
    cr_assert_eq(sub->instance_size, t->instance_size);
    cr_assert_eq(sub->slots_begin, t->slots_begin);
    /* '__dict__' among the slots asks for one */
    TypeObj *d = slotted("D", NULL, V_OBJ(tuple_pack(2, S("x"), S("__dict__"))));
    cr_assert(d->flags & TF_HAS_DICT);
}

Test(member, get_set_delete)
{
    TypeObj *t = slotted("P", NULL, S("x")); /* one name as a str */
    Value p = obj_call(V_OBJ(t), NULL, 0, NULL);
    cr_assert(!IS_NULL(p));
    StrObj *x = str_intern_cstr("x");
    cr_assert(IS_NULL(obj_getattr(p, x)));
    cr_assert_str_eq(raised(&exc_AttributeError), "'P' object has no attribute 'x'");
    cr_assert_eq(obj_setattr(p, x, V_INT(4)), 0);
    cr_assert_eq(AS_INT(obj_getattr(p, x)), 4);
    cr_assert_eq(obj_setattr(p, x, V_NULL), 0);
    cr_assert_eq(obj_setattr(p, x, V_NULL), -1);
    cr_assert_str_eq(raised(&exc_AttributeError), "x");
    cr_assert_eq(obj_setattr(p, str_intern_cstr("other"), V_INT(1)), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "'P' object has no attribute 'other'");
    /* the member itself refuses instances of other classes */
    Value m = dict_get_str(t->base_hdr.dict, x);
    cr_assert(IS_TYPE(m, member_type));
    cr_assert_eq(member_set(m, V_INT(3), V_INT(1)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "descriptor 'x' for 'P' objects doesn't apply to a 'int' object");
}

Test(member, bad_slots)
{
    DictObj *ns = dict_new();
    dict_set_str(ns, str_intern_cstr("__slots__"), V_OBJ(tuple_pack(1, V_INT(1))));
    cr_assert(IS_NULL(type_new_class(str_from_cstr("B"), NULL, NULL, ns)));
    cr_assert_str_eq(raised(&exc_TypeError), "__slots__ items must be strings, not 'int'");
    ns = dict_new();
    dict_set_str(ns, str_intern_cstr("__slots__"), V_OBJ(tuple_pack(1, S("a"))));
    dict_set_str(ns, str_intern_cstr("a"), V_INT(1));
    cr_assert(IS_NULL(type_new_class(str_from_cstr("B"), NULL, NULL, ns)));
    cr_assert_str_eq(raised(&exc_ValueError),
                     "'a' in __slots__ conflicts with class variable");
}
