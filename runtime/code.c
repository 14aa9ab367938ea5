/* code.c - code objects: the compiler's output, the VM's input.
 *
 * A code object owns its malloc'd arrays (instructions, line table,
 * constants, name tables) and frees them when collected.  It is immutable
 * once the compiler hands it over, except for vm_cache, which the VM fills
 * lazily and which is one malloc'd block freed here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "error.h"
#include "gc.h"
#include "str.h"
#include "tuple.h"

static void code_trace(Obj *self);
static void code_finalize(Obj *self);
static Value code_repr(Value self);
static Value code_getattr(Value self, StrObj *name);

TypeObj code_type = {
    TYPE_OBJ_HEAD,
    .name = "code",
    .base = &object_type,
    .instance_size = sizeof(CodeObj),
    .trace = code_trace,
    .finalize = code_finalize,
    .repr = code_repr,
    .getattr = code_getattr,
};

CodeObj *code_new(void)
{
    CodeObj *co = gc_alloc(&code_type, sizeof(CodeObj));
    co->firstlineno = 1;
    return co;
}

int code_line_at(const CodeObj *co, int i)
{
    if (co->lines == NULL || co->ncode == 0)
        return co->firstlineno;
    if (i < 0)
        i = 0;
    if (i >= co->ncode)
        i = co->ncode - 1;
    return co->lines[i];
}

static void mark_strs(StrObj **v, int n)
{
    for (int i = 0; v != NULL && i < n; i++)
        gc_mark_obj((Obj *)v[i]);
}

static void code_trace(Obj *self)
{
    CodeObj *co = (CodeObj *)self;
    for (int i = 0; co->consts != NULL && i < co->nconsts; i++)
        gc_mark_value(co->consts[i]);
    mark_strs(co->names, co->nnames);
    mark_strs(co->varnames, co->nlocals);
    mark_strs(co->cellvars, co->ncells);
    mark_strs(co->freevars, co->nfrees);
    gc_mark_obj((Obj *)co->name);
    gc_mark_obj((Obj *)co->qualname);
    gc_mark_obj((Obj *)co->filename);
    /* vm_cache holds only positions in dicts, never values. */
}

static void code_finalize(Obj *self)
{
    CodeObj *co = (CodeObj *)self;
    free(co->code);
    free(co->lines);
    free(co->consts);
    free(co->names);
    free(co->varnames);
    free(co->cellvars);
    free(co->freevars);
    free(co->cell2arg);
    free(co->vm_cache);
    co->code = NULL;
    co->lines = NULL;
    co->consts = NULL;
    co->vm_cache = NULL;
}

static const char *name_or(StrObj *s, const char *dflt)
{
    return s != NULL ? STR_CSTR(s) : dflt;
}

static Value code_repr(Value self)
{
    CodeObj *co = (CodeObj *)AS_OBJ(self);
    return V_OBJ(str_printf("<code object %s at %p, file \"%s\", line %d>",
                            name_or(co->name, "?"), (void *)co,
                            name_or(co->filename, "?"), co->firstlineno));
}

static Value str_tuple(StrObj **v, int n)
{
    TupleObj *t = tuple_new((size_t)n);
    for (int i = 0; i < n; i++)
        t->items[i] = V_OBJ(v[i]);
    return V_OBJ(t);
}

static Value str_or_none(StrObj *s)
{
    return s != NULL ? V_OBJ(s) : V_NONE;
}

static Value code_getattr(Value self, StrObj *name)
{
    CodeObj *co = (CodeObj *)AS_OBJ(self);
    const char *n = STR_CSTR(name);
    if (strcmp(n, "co_name") == 0)
        return str_or_none(co->name);
    if (strcmp(n, "co_qualname") == 0)
        return str_or_none(co->qualname);
    if (strcmp(n, "co_filename") == 0)
        return str_or_none(co->filename);
    if (strcmp(n, "co_firstlineno") == 0)
        return V_INT(co->firstlineno);
    if (strcmp(n, "co_argcount") == 0)
        return V_INT(co->argcount);
    if (strcmp(n, "co_kwonlyargcount") == 0)
        return V_INT(co->kwonlyargcount);
    if (strcmp(n, "co_flags") == 0)
        return V_INT(co->flags);
    if (strcmp(n, "co_varnames") == 0)
        return str_tuple(co->varnames, co->nlocals);
    if (strcmp(n, "co_names") == 0)
        return str_tuple(co->names, co->nnames);
    return obj_generic_getattr(self, name);
}
