/* frame.c - frame objects as scripts see them.
 *
 * The VM creates, runs and recycles frames (vm/frames.c); this file gives
 * them a type so the collector can mark them and scripts (signal handlers,
 * sys._getframe, generators) can read f_lineno, f_code, f_back, f_locals,
 * f_globals and f_lasti.
 */
#include <stdio.h>
#include <string.h>

#include "dict.h"
#include "frame.h"
#include "function.h"
#include "gc.h"
#include "str.h"

static void frame_trace(Obj *self);
static Value frame_repr(Value self);
static Value frame_getattr(Value self, StrObj *name);

TypeObj frame_type = {
    TYPE_OBJ_HEAD,
    .name = "frame",
    .base = &object_type,
    .instance_size = sizeof(Frame),
    .trace = frame_trace,
    .repr = frame_repr,
    .getattr = frame_getattr,
};

/* Generators are run by the VM, which fills this type's slots at start-up
 * (vm/gen.c); the type lives here so the runtime can name it. */
TypeObj gen_type = {
    TYPE_OBJ_HEAD,
    .name = "generator",
    .base = &object_type,
};

/* A frame on the VM's free list has code == NULL: its slots hold stale
 * values that must not be marked, and `back` links the free list. */
static void frame_trace(Obj *self)
{
    Frame *f = (Frame *)self;
    if (f->code == NULL)
        return;
    gc_mark_obj((Obj *)f->back);
    gc_mark_obj((Obj *)f->code);
    gc_mark_obj((Obj *)f->func);
    gc_mark_obj((Obj *)f->globals);
    gc_mark_obj((Obj *)f->builtins);
    gc_mark_obj((Obj *)f->locals);
    int nfixed = f->code->nlocals + f->code->ncells + f->code->nfrees;
    int n = nfixed + f->stackdepth;
    for (int i = 0; i < n; i++)
        gc_mark_value(f->slots[i]);
}

int frame_lineno(const Frame *f)
{
    if (f->lasti < 0)
        return f->code->firstlineno;
    return code_line_at(f->code, f->lasti);
}

Value frame_escape(Frame *f)
{
    /* Walk the whole chain even past escaped frames: a generator's frame
     * may have escaped earlier and since been resumed from fresh callers. */
    for (Frame *p = f; p != NULL; p = p->back)
        p->escaped = 1;
    return V_OBJ(f);
}

void frame_keep(Frame *f)
{
    /* An escaped frame that is not a generator's had its callers marked
     * when it escaped, and while it runs they cannot change; a
     * generator's frame may have been resumed from fresh callers. */
    for (Frame *p = f; p != NULL && (!p->escaped || p->is_gen); p = p->back)
        p->escaped = 1;
}

static const char *cstr_or(StrObj *s, const char *dflt)
{
    return s != NULL ? STR_CSTR(s) : dflt;
}

static Value frame_repr(Value self)
{
    Frame *f = (Frame *)AS_OBJ(self);
    return V_OBJ(str_printf("<frame at %p, file '%s', line %d, code %s>",
                            (void *)f, cstr_or(f->code->filename, "?"),
                            frame_lineno(f), cstr_or(f->code->name, "?")));
}

static void add_if_bound(DictObj *d, StrObj *name, Value v)
{
    if (!IS_NULL(v))
        dict_set_str(d, name, v);
}

/* f_locals of a function frame: a fresh dict of the bound fast locals and
 * cells, as CPython's snapshot (writes to it do not reach the frame). */
static Value frame_locals_snapshot(Frame *f)
{
    CodeObj *co = f->code;
    DictObj *d = dict_new();
    for (int i = 0; i < co->nlocals; i++)
        add_if_bound(d, co->varnames[i], f->slots[i]);
    Value *cells = FRAME_CELLS(f);
    for (int i = 0; i < co->ncells + co->nfrees; i++) {
        StrObj *name = i < co->ncells ? co->cellvars[i]
                                      : co->freevars[i - co->ncells];
        if (IS_OBJ(cells[i]) && OBJ_TYPE(AS_OBJ(cells[i])) == &cell_type)
            add_if_bound(d, name, ((CellObj *)AS_OBJ(cells[i]))->v);
    }
    return V_OBJ(d);
}

static Value frame_getattr(Value self, StrObj *name)
{
    Frame *f = (Frame *)AS_OBJ(self);
    const char *n = STR_CSTR(name);
    if (strcmp(n, "f_lineno") == 0)
        return V_INT(frame_lineno(f));
    if (strcmp(n, "f_code") == 0)
        return V_OBJ(f->code);
    if (strcmp(n, "f_back") == 0)
        return f->back != NULL ? frame_escape(f->back) : V_NONE;
    if (strcmp(n, "f_globals") == 0)
        return V_OBJ(f->globals);
    if (strcmp(n, "f_lasti") == 0)
        return V_INT(f->lasti);
    if (strcmp(n, "f_locals") == 0)
        return f->locals != NULL ? V_OBJ(f->locals) : frame_locals_snapshot(f);
    return obj_generic_getattr(self, name);
}
