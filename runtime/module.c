/* module.c - module objects, the table of built-in modules and import.
 *
 * Every module sigvm can import is compiled in: stdlib/ registers an init
 * function per name, and module_import runs it once, caching the result
 * in sys.modules (which the script can see and edit).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

typedef struct Registered {
    const char *name;
    ModuleInitFn init;
} Registered;

static Registered *registry;
static size_t nregistry, registry_cap;
static DictObj *sys_modules;

static void module_trace(Obj *o)
{
    ModuleObj *m = (ModuleObj *)o;
    gc_mark_obj((Obj *)m->base.dict);
    gc_mark_obj((Obj *)m->name);
}

ModuleObj *module_new(const char *name)
{
    ModuleObj *m = gc_alloc(&module_type, sizeof *m);
    m->name = str_intern_cstr(name);
    m->base.dict = dict_new();
    dict_set_str(m->base.dict, rt_names.name, V_OBJ(m->name));
    dict_set_str(m->base.dict, rt_names.doc, V_NONE);
    return m;
}

void module_add(ModuleObj *m, const char *name, Value v)
{
    dict_set_str(m->base.dict, str_intern_cstr(name), v);
}

void module_add_methods(ModuleObj *m, const MethodDef *defs)
{
    for (; defs->name; defs++) {
        Value f = native_new(defs->name, defs->fn, V_NULL,
                             defs->flags & ~NATIVE_METHOD);
        ((NativeObj *)AS_OBJ(f))->module = STR_CSTR(m->name);
        module_add(m, defs->name, f);
    }
}

static const char *module_name_of(ModuleObj *m)
{
    Value n = dict_get_str(m->base.dict, rt_names.name);
    if (IS_TYPE(n, str_type))
        return STR_CSTR((StrObj *)AS_OBJ(n));
    return m->name ? STR_CSTR(m->name) : "?";
}

static Value module_repr(Value self)
{
    ModuleObj *m = (ModuleObj *)AS_OBJ(self);
    const char *name = module_name_of(m);
    Value file = dict_get_str(m->base.dict, rt_names.file);
    if (IS_TYPE(file, str_type))
        return V_OBJ(str_printf("<module '%s' from '%s'>", name,
                                STR_CSTR((StrObj *)AS_OBJ(file))));
    return V_OBJ(str_printf("<module '%s' (built-in)>", name));
}

static Value module_getattr(Value self, StrObj *name)
{
    ModuleObj *m = (ModuleObj *)AS_OBJ(self);
    Value v = dict_get_str(m->base.dict, name);
    if (!IS_NULL(v))
        return v;
    if (name == rt_names.dict)
        return V_OBJ(m->base.dict);
    if (name == rt_names.class_)
        return V_OBJ(&module_type);
    return err_set(&exc_AttributeError, "module '%s' has no attribute '%s'",
                   module_name_of(m), STR_CSTR(name));
}

static int module_setattr(Value self, StrObj *name, Value v)
{
    ModuleObj *m = (ModuleObj *)AS_OBJ(self);
    if (IS_NULL(v)) {
        if (IS_NULL(dict_get_str(m->base.dict, name))) {
            err_set(&exc_AttributeError, "module '%s' has no attribute '%s'",
                    module_name_of(m), STR_CSTR(name));
            return -1;
        }
        return dict_del(m->base.dict, V_OBJ(name));
    }
    return dict_set_str(m->base.dict, name, v);
}

static int module_hash(Value self, int64_t *out)
{
    *out = (int64_t)((uintptr_t)AS_OBJ(self) >> 4);
    return 0;
}

TypeObj module_type = {
    TYPE_OBJ_HEAD,
    .name = "module",
    .base = &object_type,
    .flags = TF_HAS_DICT,
    .instance_size = sizeof(ModuleObj),
    .trace = module_trace,
    .repr = module_repr,
    .hash = module_hash,
    .getattr = module_getattr,
    .setattr = module_setattr,
};

void module_register(const char *name, ModuleInitFn init)
{
    for (size_t i = 0; i < nregistry; i++) {
        if (strcmp(registry[i].name, name) == 0) {
            registry[i].init = init;
            return;
        }
    }
    if (nregistry == registry_cap) {
        size_t cap = registry_cap ? registry_cap * 2 : 32;
        Registered *r = realloc(registry, cap * sizeof *r);
        if (!r)
            abort();
        registry = r;
        registry_cap = cap;
    }
    registry[nregistry].name = name;
    registry[nregistry].init = init;
    nregistry++;
}

DictObj *module_sys_modules(void)
{
    if (!sys_modules)
        sys_modules = dict_new();
    return sys_modules;
}

static ModuleInitFn find_init(StrObj *name)
{
    for (size_t i = 0; i < nregistry; i++)
        if (strcmp(registry[i].name, STR_CSTR(name)) == 0)
            return registry[i].init;
    return NULL;
}

/* ModuleNotFoundError carries the name, as CPython's ImportError.name. */
static Value not_found(StrObj *name)
{
    err_set(&exc_ModuleNotFoundError, "No module named '%s'",
            STR_CSTR(name));
    Value exc = err_peek();
    if (!IS_NULL(exc))
        obj_generic_setattr(exc, rt_names.name_attr, V_OBJ(name));
    return V_NULL;
}

Value module_import(StrObj *name)
{
    if (!name->interned)
        name = str_intern(name);
    DictObj *mods = module_sys_modules();
    Value m = dict_get_str(mods, name);
    if (!IS_NULL(m)) {
        if (IS_NONE(m))
            return err_set(&exc_ModuleNotFoundError,
                           "import of %s halted; None in sys.modules",
                           STR_CSTR(name));
        return m;
    }
    ModuleInitFn init = find_init(name);
    if (!init)
        return not_found(name);
    ModuleObj *mod = init();
    if (!mod)
        return V_NULL;
    m = V_OBJ(mod);
    if (dict_set_str(mods, name, m) < 0)
        return V_NULL;
    return m;
}

Value module_import_from(Value module, StrObj *name)
{
    Value v;
    if (obj_lookup_attr(module, name, &v) < 0)
        return V_NULL;
    if (!IS_NULL(v))
        return v;
    const char *mname = "?";
    if (IS_TYPE(module, module_type))
        mname = module_name_of((ModuleObj *)AS_OBJ(module));
    return err_set(&exc_ImportError,
                   "cannot import name '%s' from '%s' (unknown location)",
                   STR_CSTR(name), mname);
}

static void module_mark_roots(void)
{
    gc_mark_obj((Obj *)sys_modules);
}

void module_init(void)
{
    module_sys_modules();
    gc_register_roots(module_mark_roots);
    type_register_static(&module_type);
}
