/* test_intsub.c - script classes derived from int: instances carry the
 * value, int's slots and methods see it, results are plain ints. */
#include <criterion/criterion.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(intsub, .init = ut_setup);

static Value make(TypeObj **t, int64_t v)
{
    Value c = type_new_class(str_from_cstr("X"), NULL, &int_type, dict_new());
    cr_assert(!IS_NULL(c));
    *t = (TypeObj *)AS_OBJ(c);
    Value arg = V_INT(v);
    return obj_call(c, &arg, 1, NULL);
}

Test(intsub, instances_carry_the_value)
{
    TypeObj *t;
    Value x = make(&t, 41);
    cr_assert(t->flags & TF_INT_SUBCLASS);
    cr_assert(IS_OBJ(x) && OBJ_TYPE(AS_OBJ(x)) == t);
    int64_t n = 0;
    cr_assert(val_as_int(x, &n));
    cr_assert_eq(n, 41);
    Value r = obj_binop(x, V_INT(1), BOP_ADD);
    cr_assert(IS_INTLIKE(r) && AS_INT(r) == 42, "a plain int comes back");
    r = obj_binop(V_INT(1), x, BOP_SUB);
    cr_assert(IS_INTLIKE(r) && AS_INT(r) == -40);
    cr_assert_eq(obj_richcmp_bool(x, V_INT(41), CMP_EQ), 1);
    StrObj *s = (StrObj *)AS_OBJ(obj_repr(x));
    cr_assert_str_eq(STR_CSTR(s), "41");
}

Test(intsub, int_methods_check_self)
{
    TypeObj *t;
    Value x = make(&t, 255);
    Value bl = obj_getattr(x, str_intern_cstr("bit_length"));
    cr_assert(!IS_NULL(bl));
    Value r = obj_call(bl, NULL, 0, NULL);
    cr_assert(IS_INTLIKE(r) && AS_INT(r) == 8);
    Value unbound = obj_getattr(V_OBJ(&int_type), str_intern_cstr("bit_length"));
    Value bad = S("x");
    cr_assert(IS_NULL(obj_call(unbound, &bad, 1, NULL)));
    cr_assert_str_eq(raised(&exc_TypeError), "descriptor 'bit_length' for "
                     "'int' objects doesn't apply to a 'str' object");
}
