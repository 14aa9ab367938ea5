/* function.h - functions, builtin functions, bound methods, cells and
 * modules: the callable and namespace objects the VM and the library share.
 *
 * Calling a FuncObj runs bytecode, which the runtime cannot do itself: the
 * VM fills func_type.call (and gen_type's slots) at start-up.
 */
#ifndef SIGVM_FUNCTION_H
#define SIGVM_FUNCTION_H

#include "code.h"

typedef struct FuncObj {
    Obj hdr;
    CodeObj *code;
    DictObj *globals;
    DictObj *builtins;
    TupleObj *defaults;   /* NULL if none */
    DictObj *kwdefaults;  /* NULL if none */
    TupleObj *closure;    /* cells for code->freevars, NULL if none */
    StrObj *name;
    StrObj *qualname;
    StrObj *module;       /* __module__ */
    DictObj *dict;        /* function attributes, NULL until set */
    Value doc;
} FuncObj;

/* A function written in C.  `self` is bound for builtin methods fetched as
 * attributes ([].append) and prepended to the arguments on call; V_NULL
 * for plain functions. */
typedef struct NativeObj {
    Obj hdr;
    const char *name;
    NativeFn fn;
    Value self;
    const char *module;   /* for repr and __module__; NULL: builtins */
    int flags;            /* NATIVE_* */
} NativeObj;

enum {
    NATIVE_METHOD = 1 << 0,      /* in a type dict: binds self on access */
    NATIVE_STATIC = 1 << 1,      /* in a type dict: never binds */
    NATIVE_CLASSMETHOD = 1 << 2, /* in a type dict: binds the class */
    NATIVE_NO_CHECK = 1 << 3,    /* the VM does not check the eval breaker
                                    after it returns (len, isinstance ...) */
};

typedef struct MethodObj {
    Obj hdr;
    Value self;
    Value func;
} MethodObj;

typedef struct CellObj {
    Obj hdr;
    Value v; /* V_NULL: empty */
} CellObj;

typedef struct ModuleObj {
    InstanceObj base; /* base.dict is the module namespace */
    StrObj *name;
} ModuleObj;

/* A table of natives for a type or a module. */
typedef struct MethodDef {
    const char *name;
    NativeFn fn;
    int flags; /* NATIVE_* */
} MethodDef;

FuncObj *func_new(CodeObj *code, DictObj *globals, StrObj *qualname);
Value native_new(const char *name, NativeFn fn, Value self, int flags);
Value method_new(Value func, Value self);
CellObj *cell_new(Value v);
/* Add natives to a type's dict (bound on access when NATIVE_METHOD). */
void type_add_methods(TypeObj *t, const MethodDef *defs);

ModuleObj *module_new(const char *name);
void module_add(ModuleObj *m, const char *name, Value v);
void module_add_methods(ModuleObj *m, const MethodDef *defs);

/* Built-in modules: stdlib/ registers an init function per name; import
 * runs it once and caches the module (sys.modules). */
typedef ModuleObj *(*ModuleInitFn)(void);
void module_register(const char *name, ModuleInitFn init);
Value module_import(StrObj *name); /* ModuleNotFoundError if unknown */
DictObj *module_sys_modules(void);

/* ---- Added by the object core (module.c) ---- */

/* `from m import name`: getattr, or ImportError("cannot import name 'x'
 * from 'm' (unknown location)") as CPython words it. */
Value module_import_from(Value module, StrObj *name);

#endif
