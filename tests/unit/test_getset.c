/* test_getset.c - computed read-only attributes of builtin types. */
#include <criterion/criterion.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(getset, .init = ut_setup);

Test(getset, int_and_float_attributes)
{
    Value r = obj_getattr(V_INT(7), str_intern_cstr("denominator"));
    cr_assert(IS_INTLIKE(r) && AS_INT(r) == 1);
    r = obj_getattr(V_FLOAT(2.5), str_intern_cstr("real"));
    cr_assert(IS_FLOAT(r) && AS_FLOAT(r) == 2.5);
    Value d = obj_getattr(V_OBJ(&int_type), str_intern_cstr("real"));
    cr_assert(IS_TYPE(d, getset_type));
    StrObj *s = (StrObj *)AS_OBJ(obj_repr(d));
    cr_assert_str_eq(STR_CSTR(s), "<attribute 'real' of 'int' objects>");
}

Test(getset, read_only)
{
    cr_assert_eq(obj_setattr(V_INT(1), str_intern_cstr("imag"), V_INT(2)), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "attribute 'imag' of 'int' objects is not writable");
    Value d = obj_getattr(V_OBJ(&float_type), str_intern_cstr("imag"));
    cr_assert_eq(getset_set(d, V_FLOAT(1.0), V_NULL), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "attribute 'imag' of 'float' objects is not writable");
}
