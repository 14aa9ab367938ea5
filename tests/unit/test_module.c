/* test_module.c - module objects, the built-in module table and
 * import. */
#include <string.h>

#include <criterion/criterion.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(module, .init = ut_setup);

static int inits;

static Value answer(Value *args, int nargs, TupleObj *kw)
{
    (void)args; (void)nargs; (void)kw;
    return V_INT(42);
}

static const MethodDef demo_methods[] = {
    {"answer", answer, 0},
    {NULL, NULL, 0},
};

static ModuleObj *demo_init(void)
{
    inits++;
    ModuleObj *m = module_new("demo");
    module_add(m, "VALUE", V_INT(7));
    module_add_methods(m, demo_methods);
    return m;
}

Test(module, import_runs_init_once_and_caches)
{
    module_register("demo", demo_init);
    inits = 0;
    Value a = module_import(str_from_cstr("demo"));
    Value b = module_import(str_intern_cstr("demo"));
    cr_assert(!IS_NULL(a));
    cr_assert(val_is(a, b));
    cr_assert_eq(inits, 1);
    cr_assert(val_is(dict_get_cstr(module_sys_modules(), "demo"), a));
}

Test(module, attributes_and_functions)
{
    module_register("demo", demo_init);
    Value m = module_import(str_intern_cstr("demo"));
    cr_assert_eq(AS_INT(obj_getattr_cstr(m, "VALUE")), 7);
    Value f = obj_getattr_cstr(m, "answer");
    cr_assert_eq(AS_INT(obj_call0(f)), 42);
    cr_assert_str_eq(str_of(f), "<built-in function answer>");
    cr_assert_str_eq(str_of(obj_getattr_cstr(m, "__name__")), "demo");
    cr_assert(IS_NULL(obj_getattr_cstr(m, "nope")));
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "module 'demo' has no attribute 'nope'");
    cr_assert_eq(obj_setattr(m, str_intern_cstr("x"), V_INT(1)), 0);
    cr_assert_eq(AS_INT(obj_getattr_cstr(m, "x")), 1);
}

Test(module, repr_of_builtin_module_and_script)
{
    ModuleObj *m = module_new("sys");
    cr_assert_str_eq(str_of(V_OBJ(m)), "<module 'sys' (built-in)>");
    ModuleObj *main = module_new("__main__");
    module_add(main, "__file__", V_OBJ(str_from_cstr("/x/y.py")));
    cr_assert_str_eq(str_of(V_OBJ(main)), "<module '__main__' from '/x/y.py'>");
}

Test(module, unknown_module_is_module_not_found)
{
    cr_assert(IS_NULL(module_import(str_from_cstr("foo"))));
    Value e = err_peek();
    cr_assert_str_eq(raised(&exc_ModuleNotFoundError), "No module named 'foo'");
    cr_assert(val_isinstance(e, &exc_ImportError));
    cr_assert_str_eq(str_of(obj_getattr_cstr(e, "name")), "foo");
}

Test(module, import_from_missing_name)
{
    module_register("demo", demo_init);
    Value m = module_import(str_intern_cstr("demo"));
    cr_assert(IS_NULL(module_import_from(m, str_intern_cstr("nothing"))));
    cr_assert_str_eq(raised(&exc_ImportError),
                     "cannot import name 'nothing' from 'demo' (unknown "
                     "location)");
    cr_assert_eq(AS_INT(module_import_from(m, str_intern_cstr("VALUE"))), 7);
}
