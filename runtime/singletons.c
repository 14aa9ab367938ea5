/* singletons.c - None, NotImplemented and Ellipsis with their types. */
#include "runtime/runtime.h"

static Value none_repr(Value self)
{
    (void)self;
    return V_OBJ(str_intern_cstr("None"));
}

static int none_truth(Value self)
{
    (void)self;
    return 0;
}

/* CPython 3.11 hashes None by address; any fixed value serves, since no
 * script can rely on the number. */
static int none_hash(Value self, int64_t *out)
{
    (void)self;
    *out = 0xFCA86420;
    return 0;
}

/* type(None)() returns None, as in CPython. */
static Value none_new(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    (void)self;
    (void)args;
    if (nargs > 0 || (kwnames && kwnames->n > 0))
        return err_set(&exc_TypeError, "NoneType takes no arguments");
    return V_NONE;
}

TypeObj none_type = {
    TYPE_OBJ_HEAD,
    .name = "NoneType",
    .base = &object_type,
    .instance_size = sizeof(Obj),
    .repr = none_repr,
    .hash = none_hash,
    .truth = none_truth,
    .new_ = none_new,
};

static Value notimpl_repr(Value self)
{
    (void)self;
    return V_OBJ(str_intern_cstr("NotImplemented"));
}

static int singleton_hash(Value self, int64_t *out)
{
    /* Identity hash: the address shifted past the alignment zeros. */
    *out = (int64_t)((uintptr_t)AS_OBJ(self) >> 4);
    return 0;
}

TypeObj notimpl_type = {
    TYPE_OBJ_HEAD,
    .name = "NotImplementedType",
    .base = &object_type,
    .instance_size = sizeof(Obj),
    .repr = notimpl_repr,
    .hash = singleton_hash,
};

static Value ellipsis_repr(Value self)
{
    (void)self;
    return V_OBJ(str_intern_cstr("Ellipsis"));
}

TypeObj ellipsis_type = {
    TYPE_OBJ_HEAD,
    .name = "ellipsis",
    .base = &object_type,
    .instance_size = sizeof(Obj),
    .repr = ellipsis_repr,
    .hash = singleton_hash,
};

Obj notimpl_obj = {.type = &notimpl_type};
Obj ellipsis_obj = {.type = &ellipsis_type};
