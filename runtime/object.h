/* object.h - the object header, type objects and the generic operations.
 *
 * Every heap object starts with an Obj.  Its type is a TypeObj, itself a
 * heap object, so `type(x)` is just a pointer.  Builtin types fill the slot
 * functions in C; a class defined by a script (a "heap type") gets generic
 * slots that look up the matching dunder method on the class chain and call
 * it, falling back to the nearest builtin base's slot.
 *
 * Conventions (DESIGN.md): a function returning Value returns V_NULL with an
 * exception set on failure; a function returning int returns -1 with an
 * exception set on failure.
 */
#ifndef SIGVM_OBJECT_H
#define SIGVM_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

typedef struct TypeObj TypeObj;
typedef struct StrObj StrObj;
typedef struct TupleObj TupleObj;
typedef struct DictObj DictObj;

typedef struct Obj {
    TypeObj *type;
    struct Obj *gc_next; /* objects too big for the pools form one list
                          * that the sweep walks (pooled ones are swept
                          * slab by slab) */
    uint32_t gc_mark;    /* the number of the last collection that marked
                          * it, see gc.h */
    uint32_t gc_size;    /* allocation size in bytes, for the pacing counters */
} Obj;

/* Instances of script classes and of exceptions start with this, so the
 * attribute code finds the instance dict at one fixed place. */
typedef struct InstanceObj {
    Obj hdr;
    DictObj *dict;
} InstanceObj;

/* Instances of int subclasses (TF_INT_SUBCLASS: the signal module's
 * IntEnum members) carry their int value here, so the number code can
 * treat them as ints (val_as_int_subclass). */
typedef struct IntSubObj {
    InstanceObj base;
    int64_t value;
} IntSubObj;

/* Rich comparison operators, in CPython's order. */
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

/* Binary operators.  The in-place forms are BOP_INPLACE + op. */
enum {
    BOP_ADD, BOP_SUB, BOP_MUL, BOP_TRUEDIV, BOP_FLOORDIV, BOP_MOD, BOP_POW,
    BOP_LSHIFT, BOP_RSHIFT, BOP_AND, BOP_OR, BOP_XOR, BOP_MATMUL,
    BOP_COUNT,
    BOP_INPLACE = 16
};

/* Unary operators. */
enum { UOP_NEG, UOP_POS, UOP_INVERT, UOP_NOT };

/* Calling convention ("vectorcall"): positional arguments in args[0..nargs),
 * then one value per keyword name in kwnames (a tuple of str, or NULL).
 * For a method called through its type, args[0] is self. */
typedef Value (*NativeFn)(Value *args, int nargs, TupleObj *kwnames);

typedef void (*TraceFn)(Obj *self);    /* mark every child with gc_mark_* */
typedef void (*FinalizeFn)(Obj *self); /* free memory the object owns */
typedef Value (*UnaryFn)(Value self);
typedef Value (*BinaryFn)(Value a, Value b, int op);
typedef Value (*CompareFn)(Value a, Value b, int op);
typedef int (*HashFn)(Value self, int64_t *out);
typedef Value (*GetAttrFn)(Value self, StrObj *name);
typedef int (*SetAttrFn)(Value self, StrObj *name, Value v); /* V_NULL v: delete */
typedef Value (*CallFn)(Value self, Value *args, int nargs, TupleObj *kwnames);
typedef Value (*GetItemFn)(Value self, Value key);
typedef int (*SetItemFn)(Value self, Value key, Value v); /* V_NULL v: delete */
typedef int64_t (*LenFn)(Value self);                     /* -1 on error */
typedef int (*ContainsFn)(Value self, Value item);         /* -1, 0, 1 */
typedef int (*TruthFn)(Value self);                        /* -1, 0, 1 */
typedef Value (*DescrGetFn)(Value descr, Value instance, TypeObj *owner);

/* Type flags. */
enum {
    TF_HEAPTYPE = 1 << 0,  /* defined by a script's class statement */
    TF_BASETYPE = 1 << 1,  /* may be subclassed */
    TF_EXCEPTION = 1 << 2, /* BaseException or a subclass */
    TF_INT_SUBCLASS = 1 << 3, /* instances carry an int value (IntEnum members) */
};

#define TYPE_INIT_PLAN_MAX 8

struct TypeObj {
    InstanceObj base_hdr; /* a type has a dict of its attributes */
    const char *name;     /* C string name, e.g. "int"; for heap types the
                             UTF-8 of name_str */
    StrObj *name_str;     /* interned name */
    StrObj *qualname;     /* qualified name for heap types */
    StrObj *module;       /* "builtins" for builtin types, else "__main__" etc. */
    TypeObj *base;        /* single inheritance; NULL only for object */
    uint32_t flags;
    size_t instance_size; /* bytes to allocate for an instance */

    TraceFn trace;
    FinalizeFn finalize;
    UnaryFn repr;         /* returns a str Value */
    UnaryFn str;          /* NULL: use repr */
    HashFn hash;          /* NULL: unhashable */
    CompareFn richcmp;    /* may return V_NOTIMPL */
    BinaryFn binop;       /* BOP_* (and BOP_INPLACE + op); may return V_NOTIMPL;
                             the reflected form is tried by the caller */
    BinaryFn rbinop;      /* reflected: called as rbinop(self, other, op) */
    Value (*unop)(Value self, int op);
    GetAttrFn getattr;    /* NULL: generic lookup (obj_generic_getattr) */
    SetAttrFn setattr;    /* NULL: attributes are read-only */
    CallFn call;          /* NULL: not callable */
    UnaryFn iter;         /* returns an iterator */
    UnaryFn next;         /* V_NULL with no exception set: exhausted */
    GetItemFn getitem;
    SetItemFn setitem;
    LenFn len;
    ContainsFn contains;
    TruthFn truth;        /* NULL: use len, else always true */
    DescrGetFn descr_get; /* functions, properties, classmethods ... */
    CallFn new_;          /* type(...) constructor; NULL: cannot instantiate */
    /* The VM's cache (vm/eval.c) of the script __init__ that calling this
     * class runs as a frame (NULL: none): valid while dict_watch_epoch
     * equals init_epoch.  Borrowed from a watched dict on the chain. */
    uint64_t init_epoch;
    struct Obj *init_cache;
    /* TF_INLINE_VALUES classes: the attribute names their instances keep
     * inline, in the order instances added them (a list of interned str,
     * NULL until the first; only ever appended to), and how many value
     * slots a new instance gets (grown when one runs out of room). */
    struct ListObj *shared_keys;
    uint32_t inline_cap;
    /* The VM's plan (vm/eval.c, init_plan) for an init_cache whose body
     * only stores arguments as attributes, valid with init_cache: store
     * i sets shared key i to local init_src[i]; -1: no plan. */
    int8_t init_nstores;
    uint8_t init_src[TYPE_INIT_PLAN_MAX];
    /* __slots__ (member.c): where the chain's slot Values start in an
     * instance (0: no slots), and the trace of the layout before them. */
    size_t slots_begin;
    TraceFn slots_base_trace;
};

#define OBJ_TYPE(o) (((Obj *)(o))->type)

/* If v is an instance of an int subclass, store its int value in *out. */
static inline int val_as_int_subclass(Value v, int64_t *out)
{
    if (v.tag != VT_OBJ)
        return 0;
    TypeObj *t = OBJ_TYPE(v.as.o);
    if (!(t->flags & TF_INT_SUBCLASS))
        return 0;
    *out = ((IntSubObj *)v.as.o)->value;
    return 1;
}

/* v, or the plain int an int subclass instance carries: what int's own
 * code (which wants tagged ints) is given. */
static inline Value val_plain_int(Value v)
{
    int64_t n;
    return val_as_int_subclass(v, &n) ? V_INT(n) : v;
}

/* An int, a bool or an int subclass instance: its value in *out. */
static inline int val_as_int(Value v, int64_t *out)
{
    if (v.tag == VT_INT || v.tag == VT_BOOL) {
        *out = v.as.i;
        return 1;
    }
    return val_as_int_subclass(v, out);
}

/* The singletons and builtin types, defined in runtime/. */
extern TypeObj type_type, object_type, none_type, bool_type, int_type,
    float_type, str_type, bytes_type, list_type, tuple_type, dict_type,
    set_type, range_type, slice_type, func_type, native_type, method_type,
    code_type, frame_type, cell_type, module_type, gen_type,
    property_type, staticmethod_type, classmethod_type, super_type,
    notimpl_type, ellipsis_type, traceback_type;

extern Obj notimpl_obj, ellipsis_obj;
#define V_NOTIMPL V_OBJ(&notimpl_obj)
#define V_ELLIPSIS V_OBJ(&ellipsis_obj)
#define IS_NOTIMPL(v) ((v).tag == VT_OBJ && (v).as.o == &notimpl_obj)

/* Type of any value; never NULL for a non-NULL value. */
TypeObj *val_type(Value v);
int type_is_subtype(TypeObj *t, TypeObj *base);
#define IS_TYPE(v, t) (IS_OBJ(v) && OBJ_TYPE(AS_OBJ(v)) == &(t))
/* isinstance(v, t) for a TypeObj t. */
int val_isinstance(Value v, TypeObj *t);

/* Generic operations: the only way code outside a type's own file should
 * touch values of that type.  Each dispatches on val_type(). */
Value obj_repr(Value v);                    /* str Value */
Value obj_str(Value v);                     /* str Value */
int obj_hash(Value v, int64_t *out);
int obj_truthy(Value v);
Value obj_richcmp(Value a, Value b, int op); /* any Value (e.g. bool) */
int obj_richcmp_bool(Value a, Value b, int op);
int obj_eq(Value a, Value b);               /* fast path for dict keys */
Value obj_binop(Value a, Value b, int op);  /* tries the reflected op */
Value obj_unop(Value v, int op);
Value obj_getattr(Value o, StrObj *name);
Value obj_getattr_cstr(Value o, const char *name);
StrObj *obj_attr_name(Value v);             /* interned, or TypeError */
int obj_setattr(Value o, StrObj *name, Value v);
int obj_hasattr(Value o, StrObj *name);     /* swallows AttributeError only */
Value obj_generic_getattr(Value o, StrObj *name);
int obj_generic_setattr(Value o, StrObj *name, Value v);
Value obj_call(Value callable, Value *args, int nargs, TupleObj *kwnames);
Value obj_call0(Value callable);
Value obj_call1(Value callable, Value a);
Value obj_call2(Value callable, Value a, Value b);
Value obj_call_method(Value self, const char *name, Value *args, int nargs);
Value obj_iter(Value v);
Value obj_next(Value it);                   /* V_NULL, no exception: done */
Value obj_iter_self(Value self);            /* the iter slot of iterators */
/* fn(item, ctx) on each item until the end (0) or a failure (-1). */
int obj_foreach(Value iterable, int (*fn)(Value item, void *ctx), void *ctx);
Value obj_getitem(Value o, Value key);
int obj_setitem(Value o, Value key, Value v);
int obj_delitem(Value o, Value key);
int64_t obj_len(Value o);
int obj_contains(Value container, Value item);
int obj_is_callable(Value v);
/* Look a name up on the type chain without binding: for dunder dispatch. */
Value type_lookup(TypeObj *t, StrObj *name);

/* ---- Added by the object core (object.c, type.c, descr.c) ---- */

/* More type flags.  TF_HAS_DICT: instances start with an InstanceObj, so
 * generic attribute access uses the instance dict (heap types,
 * exceptions, modules, types). */
enum { TF_HAS_DICT = 1 << 4 };

/* TF_INLINE_VALUES: a script class whose chain is script classes down to
 * object.  Its instances are ValuesObj: while they gain attributes in the
 * order of the class's shared_keys (the usual case: the same __init__
 * runs for all), the values sit in vals[], with no dict to build; inline
 * caches find them by index.  Anything else (another order, a deletion,
 * a look at __dict__, more than INLINE_KEYS_MAX names) moves them into an
 * ordinary dict (base.dict, in the same order) for good. */
enum { TF_INLINE_VALUES = 1 << 5 };
#define INLINE_KEYS_MAX 30

typedef struct ValuesObj {
    InstanceObj base; /* base.dict != NULL: the dict holds everything */
    uint32_t nvals;   /* vals[i] is the value of shared key i, i < nvals */
    uint32_t cap;     /* room in vals[] */
    Value vals[];
} ValuesObj;

/* Where name is among the shared keys of t (TF_INLINE_VALUES), or -1.
 * A name, once there, stays at its place; a name joining them moves
 * dict_watch_epoch, so a cache of "not there" is checked like one of
 * what the class chain says. */
int32_t type_shared_index(TypeObj *t, StrObj *name);
/* An instance's own attribute (from its dict or its inline values), or
 * V_NULL when it has none; never raises.  t is the instance's type. */
Value inst_get(Value o, TypeObj *t, StrObj *name);
/* Where name sits in the instance (inline slot or dict entry), or -1:
 * a hint for the VM's caches. */
int32_t inst_index(Value o, TypeObj *t, StrObj *name);
/* Set (v) or delete (V_NULL v) an instance's own attribute.  Returns the
 * position the name now sits at (inline slot or dict entry, a hint for
 * the VM's caches), 0 after a delete, -1 with an exception set (deleting
 * a missing name raises AttributeError).  t must have TF_HAS_DICT. */
int32_t inst_set(Value o, TypeObj *t, StrObj *name, Value v);
/* The instance's dict (its __dict__), moving inline values into one.
 * An instance without a dict gets an empty one if create, else NULL is
 * returned; also NULL when t has no TF_HAS_DICT, or (exception set) when
 * memory runs out. */
DictObj *inst_dict(Value o, TypeObj *t, int create);

/* abs(x) through obj_unop ("bad operand type for abs(): 'str'"); the
 * script-visible __abs__ dunder of a class maps to it. */
enum { UOP_ABS = 4 };

/* The head of a statically allocated type object:
 *     TypeObj list_type = { TYPE_OBJ_HEAD, .name = "list", ... };  */
#define TYPE_OBJ_HEAD .base_hdr = {.hdr = {.type = &type_type}}

/* The class statement: a heap type with the given name, qualified name,
 * base (NULL: object) and namespace, whose slots dispatch to the dunders
 * found in the namespace and its bases.  Raises TypeError for a base that
 * cannot be subclassed. */
Value type_new_class(StrObj *name, StrObj *qualname, TypeObj *base,
                     DictObj *ns);
/* The type's attribute dict, created on first use.  A static type is
 * registered as a permanent GC root when its dict is created, so its
 * methods survive collections while no instance exists. */
DictObj *type_dict(TypeObj *t);
/* Keep a static type (and its dict) alive for the whole run. */
void type_register_static(TypeObj *t);
/* Bind a class attribute found by type_lookup to an instance as attribute
 * access does (functions -> bound methods, classmethod -> class ...). */
Value descr_bind(Value attr, Value instance, TypeObj *owner);
/* isinstance / issubclass with a class or a tuple of classes, and the
 * messages of the builtins of the same name. */
int obj_isinstance_spec(Value v, Value spec);
int obj_issubclass_spec(Value cls, Value spec);
/* type(x).__name__ as a C string, for messages. */
const char *obj_type_name(Value v);
/* The class's instance layout: heap types whose chain holds a builtin
 * exception allocate ExcObj-sized instances, TF_INLINE_VALUES classes a
 * ValuesObj with inline_cap slots, others InstanceObj. */
Value obj_new_instance(TypeObj *t);
/* object.__new__, the new_ slot of object and of the classes that do
 * not define __new__. */
Value type_object_new(Value cls, Value *args, int nargs, TupleObj *kwnames);
/* Whether calling t makes its instances with object's own __new__, so a
 * caller that already found a script __init__ for t (which makes
 * object.__new__'s argument check pass) may use obj_new_instance.
 * Inline: the VM asks on every instantiation. */
static inline int obj_new_is_plain(TypeObj *t)
{
    return t->new_ == type_object_new && t != &object_type;
}
/* obj_getattr that swallows AttributeError: *out is V_NULL when absent;
 * returns -1 on any other error. */
int obj_lookup_attr(Value o, StrObj *name, Value *out);
/* Call a type's slot for dunder name in the way `super().name` and
 * `int.__add__` see it: a callable taking self first, or V_NULL (no
 * exception) when the type has no such slot. */
Value type_slot_wrapper(TypeObj *t, StrObj *name);

/* Assign (v) or delete (V_NULL v) through a property, with CPython's
 * "property 'x' of 'Foo' object has no setter" errors. */
int descr_property_set(Value prop, Value obj, Value v);
/* The class statement's __set_name__ step: properties learn their name
 * (for messages), and every value whose type has __set_name__ gets
 * type(v).__set_name__(v, t, name), over a copy of the namespace in its
 * order.  -1 with CPython's RuntimeError (the error as its cause). */
int descr_set_names(TypeObj *t, DictObj *ns);
/* super().name(...) without a bound method (LOAD_METHOD): the plain
 * function or method native super_getattr would bind to the instance,
 * unbound, with *self set to the instance; V_NULL (no exception) when
 * super_getattr must decide. */
Value descr_super_method(Value super, StrObj *name, Value *self);
/* `item in container` by iterating and comparing (identity, then ==). */
int obj_contains_by_iter(Value container, Value item);

/* f(self, *args, **kw) without allocating for small calls: bound
 * methods, __init__ and dunder dispatch use it. */
Value type_call_with_self(Value f, Value self, Value *args, int nargs,
                          TupleObj *kwnames);
/* Start-up of the object core (called by rt_init) and the collector
 * root function for static types. */
void type_init(void);
void descr_init(void);

/* __slots__ (member.c).  member_install lays out the slots a class
 * statement's namespace asks for (member descriptors into ns, room in the
 * instance, no TF_HAS_DICT when nothing on the chain has a dict); *has_slots
 * tells whether ns had __slots__.  -1 with TypeError/ValueError set. */
extern TypeObj member_type;
int member_install(TypeObj *t, DictObj *ns, int *has_slots);
/* A member's __set__ (v) or __delete__ (V_NULL v). */
int member_set(Value member, Value obj, Value v);
void member_init(void);

/* Computed read-only attributes of builtin types (getset.c): each
 * becomes a getset_descriptor in t's dict, a data descriptor whose
 * assignment raises "attribute 'x' of 'T' objects is not writable". */
typedef Value (*GetterFn)(Value self);
typedef struct GetSetDef {
    const char *name;
    GetterFn get;
} GetSetDef;
extern TypeObj getset_type;
void type_add_getsets(TypeObj *t, const GetSetDef *defs);
int getset_set(Value getset, Value obj, Value v);
void getset_init(void);

/* A class statement deriving from int: instances carry the value
 * (IntSubObj) and the number slots unwrap them (intsub.c). */
void intsub_setup(TypeObj *t);
extern TypeObj intsub_base;
void func_init(void);
void module_init(void);
void type_mark_static(void);
extern TypeObj slotwrapper_type;

/* Interned names the runtime and the VM use, filled by rt_init. */
#define RT_NAMES(X) \
    X(init, "__init__") X(new_, "__new__") X(repr, "__repr__") \
    X(str, "__str__") X(hash, "__hash__") X(eq, "__eq__") X(ne, "__ne__") \
    X(lt, "__lt__") X(le, "__le__") X(gt, "__gt__") X(ge, "__ge__") \
    X(len, "__len__") X(getitem, "__getitem__") X(setitem, "__setitem__") \
    X(delitem, "__delitem__") X(contains, "__contains__") \
    X(iter, "__iter__") X(next, "__next__") X(call, "__call__") \
    X(bool_, "__bool__") X(neg, "__neg__") X(pos, "__pos__") \
    X(invert, "__invert__") X(abs, "__abs__") X(getattr, "__getattr__") \
    X(getattribute, "__getattribute__") X(setattr, "__setattr__") \
    X(delattr, "__delattr__") X(enter, "__enter__") X(exit, "__exit__") \
    X(index, "__index__") X(int_, "__int__") X(float_, "__float__") \
    X(class_, "__class__") X(dict, "__dict__") X(name, "__name__") \
    X(qualname, "__qualname__") X(module, "__module__") X(doc, "__doc__") \
    X(bases, "__bases__") X(base, "__base__") X(mro, "__mro__") \
    X(self, "__self__") X(func, "__func__") X(code, "__code__") \
    X(defaults, "__defaults__") X(kwdefaults, "__kwdefaults__") \
    X(globals, "__globals__") X(closure, "__closure__") X(get, "__get__") \
    X(set, "__set__") X(delete, "__delete__") X(file, "__file__") \
    X(builtins, "builtins") X(main, "__main__") X(format, "__format__") \
    X(cause, "__cause__") X(context, "__context__") \
    X(traceback, "__traceback__") X(suppress_context, "__suppress_context__") \
    X(args, "args") X(errno_, "errno") X(strerror, "strerror") \
    X(filename, "filename") X(filename2, "filename2") X(value, "value") \
    X(code_attr, "code") X(msg, "msg") X(lineno, "lineno") \
    X(offset, "offset") X(text, "text") X(end_lineno, "end_lineno") \
    X(end_offset, "end_offset") X(fget, "fget") X(fset, "fset") \
    X(fdel, "fdel") X(class_cell, "__class__") X(reversed, "__reversed__") \
    X(round, "__round__") X(empty, "") X(with_traceback, "with_traceback") \
    X(name_attr, "name") X(obj_attr, "obj") \
    X(builtins_dunder, "__builtins__")

typedef struct RtNames {
#define RT_NAME_FIELD(field, text) StrObj *field;
    RT_NAMES(RT_NAME_FIELD)
#undef RT_NAME_FIELD
    StrObj *binop[BOP_COUNT];  /* "__add__" ... */
    StrObj *rbinop[BOP_COUNT]; /* "__radd__" ... */
    StrObj *ibinop[BOP_COUNT]; /* "__iadd__" ... */
} RtNames;
extern RtNames rt_names;
/* The operator's symbol for messages: "+", "**", "+=" (BOP_INPLACE). */
const char *obj_binop_symbol(int op);

#endif
