/* classbuild.c - __build_class__, which LOAD_BUILD_CLASS pushes.
 *
 * The compiler turns a class body into a function with CO_CLASSBODY.  We
 * run it with a fresh namespace dict as its locals, make the class from
 * the namespace, and store the class into the __class__ cell the body
 * returns (when a method uses super() or __class__), so zero-argument
 * super() finds it.
 */
#include "vm/vm.h"

static Value build_class_obj; /* the native, created once by vm_init */

static Value type_error(const char *msg)
{
    return err_set(&exc_TypeError, "%s", msg);
}

static TypeObj *base_of(Value *bases, int nbases)
{
    if (nbases == 0)
        return &object_type;
    if (nbases > 1) {
        type_error("multiple inheritance is not supported by sigvm");
        return NULL;
    }
    if (!IS_OBJ(bases[0]) || val_isinstance(bases[0], &type_type) != 1) {
        err_set(&exc_TypeError, "bases must be types, not %s",
                val_type_name(bases[0]));
        return NULL;
    }
    return (TypeObj *)AS_OBJ(bases[0]);
}

/* Run the class body with ns as its locals; returns what the body
 * returned (the __class__ cell or None). */
static Value run_body(FuncObj *fn, DictObj *ns)
{
    Frame *f = vm_frame_for_call(fn, NULL, 0, NULL);
    if (f == NULL)
        return V_NULL;
    f->locals = ns;
    return vm_run_frame(f);
}

static void init_namespace(DictObj *ns, FuncObj *fn, StrObj *name)
{
    Value mod = dict_get_cstr(fn->globals, "__name__");
    if (!IS_NULL(mod))
        dict_set_str(ns, str_intern_cstr("__module__"), mod);
    StrObj *qual = fn->qualname != NULL ? fn->qualname : name;
    dict_set_str(ns, str_intern_cstr("__qualname__"), V_OBJ(qual));
}

static Value build_class(Value *args, int nargs, TupleObj *kwnames)
{
    if (kwnames != NULL && kwnames->n > 0)
        return type_error("keyword arguments in a class definition are not "
                          "supported by sigvm");
    if (nargs < 2)
        return type_error("__build_class__: not enough arguments");
    if (!IS_TYPE(args[0], func_type))
        return type_error("__build_class__: func must be a function");
    if (!IS_TYPE(args[1], str_type))
        return type_error("__build_class__: name is not a string");
    FuncObj *fn = (FuncObj *)AS_OBJ(args[0]);
    StrObj *name = (StrObj *)AS_OBJ(args[1]);
    TypeObj *base = base_of(args + 2, nargs - 2);
    if (base == NULL)
        return V_NULL;
    Value ns = V_OBJ(dict_new());
    gc_root_push(&ns);
    init_namespace((DictObj *)AS_OBJ(ns), fn, name);
    Value cell = run_body(fn, (DictObj *)AS_OBJ(ns));
    Value cls = V_NULL;
    if (!IS_NULL(cell)) {
        Value q = dict_get_cstr((DictObj *)AS_OBJ(ns), "__qualname__");
        StrObj *qual = IS_TYPE(q, str_type) ? (StrObj *)AS_OBJ(q) : name;
        cls = type_new_class(name, qual, base, (DictObj *)AS_OBJ(ns));
    }
    gc_root_pop(1);
    if (!IS_NULL(cls) && IS_TYPE(cell, cell_type))
        ((CellObj *)AS_OBJ(cell))->v = cls;
    return cls;
}

Value vm_build_class_native(void)
{
    if (IS_NULL(build_class_obj))
        build_class_obj = native_new("__build_class__", build_class, V_NULL, 0);
    return build_class_obj;
}
