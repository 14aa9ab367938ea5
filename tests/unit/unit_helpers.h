/* Helpers shared by the unit tests of the runtime's object types: the
 * suite set-up and the few assertions that read a Value as text. They
 * are static inline so that a test program that uses only some of them
 * compiles without unused-function warnings and links nothing extra. */
#ifndef SIGVM_TESTS_UNIT_HELPERS_H
#define SIGVM_TESTS_UNIT_HELPERS_H

#include <criterion/criterion.h>

#include "runtime/runtime.h"

/* Every suite that builds objects needs the runtime's types and interned
 * strings first, and no exception left pending: pass this as the suite's
 * .init. */
static inline void ut_setup(void)
{
    rt_init();
    err_clear();
}

/* The text of a str Value; fails the test on an exception or another type. */
static inline const char *cstr(Value v)
{
    cr_assert(!IS_NULL(v), "unexpected exception");
    cr_assert(IS_TYPE(v, str_type), "expected a str, got %s", val_type_name(v));
    return STR_CSTR((StrObj *)AS_OBJ(v));
}

static inline const char *repr_of(Value v)
{
    Value r = obj_repr(v);
    cr_assert(!IS_NULL(r), "repr failed");
    return cstr(r);
}

/* Asserts r failed with exactly this exception type and message. */
static inline void expect_error(Value r, TypeObj *type, const char *msg)
{
    cr_assert(IS_NULL(r), "expected an exception");
    Value e = err_fetch();
    cr_assert(!IS_NULL(e), "no exception set");
    cr_assert_eq(val_type(e), type, "wrong type %s", val_type_name(e));
    cr_assert_str_eq(cstr(obj_str(e)), msg);
}

static inline Value S(const char *s)
{
    return V_OBJ(str_from_cstr(s));
}

/* str(v) as text; unlike cstr, v may be of any type. */
static inline const char *str_of(Value v)
{
    Value s = obj_str(v);
    cr_assert(!IS_NULL(s), "str() failed");
    return STR_CSTR((StrObj *)AS_OBJ(s));
}

/* The message of the pending exception, which must be an instance of t;
 * fetching it clears it. */
static inline const char *raised(TypeObj *t)
{
    Value e = err_fetch();
    cr_assert(!IS_NULL(e), "no exception raised");
    cr_assert(val_isinstance(e, t), "raised %s", obj_type_name(e));
    return str_of(e);
}

#endif
