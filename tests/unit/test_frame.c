/* test_frame.c - code and frame objects as scripts see them, and the
 * VM's frame recycling. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "vm/vm.h"
#include "vm_helpers.h"

static const char *C(Value v)
{
    cr_assert(IS_TYPE(v, str_type));
    return STR_CSTR((StrObj *)AS_OBJ(v));
}

TestSuite(frame, .init = vt_setup);

/* Instruction i on line firstline + i. */
static CodeObj *mkcode(const char *name, const uint32_t *ins, int n,
                       const char *const *names, int nnames,
                       const char *const *vars, int nvars, int firstline)
{
    const Value seven[] = {V_INT(7)};
    CodeObj *co = vt_code(ins, n, firstline, seven, 1);
    co->names = vt_names(names, nnames);
    co->nnames = nnames;
    co->varnames = vt_names(vars, nvars);
    co->nlocals = nvars;
    co->argcount = nvars > 0 ? 1 : 0;
    co->flags = CO_NEWLOCALS;
    co->stacksize = 8;
    co->firstlineno = firstline;
    co->name = co->qualname = S(name);
    co->filename = S("x.py");
    return co;
}

/* grab() records the innermost frame; escape selects frame_escape. */
static Frame *grabbed;
static int grabbed_line, grabbed_back_line;
static int grab_escapes;
static Value grab(Value *args, int nargs, TupleObj *kw)
{
    (void)args;
    (void)nargs;
    (void)kw;
    grabbed = ts_current->frame;
    grabbed_line = frame_lineno(grabbed);
    grabbed_back_line = grabbed->back ? frame_lineno(grabbed->back) : 0;
    if (grab_escapes)
        frame_escape(grabbed);
    return V_NONE;
}

/* def f(a): b = 7; grab(); return None */
static FuncObj *grabbing_func(void)
{
    dict_set_str(globals, S("grab"), native_new("grab", grab, V_NULL, 0));
    uint32_t ins[] = {I(LOAD_CONST, 0), I(STORE_FAST, 1), I(LOAD_GLOBAL, 0),
                      I(CALL_FUNCTION, 0), I(RETURN_VALUE, 0)};
    const char *names[] = {"grab"};
    const char *vars[] = {"a", "b", "unset"};
    return func_new(mkcode("f", ins, N(ins), names, 1, vars, 3, 5), globals,
                    S("f"));
}

Test(frame, code_repr_and_attributes)
{
    uint32_t ins[] = {I(RETURN_VALUE, 0)};
    const char *vars[] = {"x", "y"};
    CodeObj *co = mkcode("f", ins, 1, NULL, 0, vars, 2, 3);
    Value v = V_OBJ(co);
    const char *r = C(obj_repr(v));
    cr_assert(strncmp(r, "<code object f at 0x", 20) == 0, "%s", r);
    cr_assert(strstr(r, ", file \"x.py\", line 3>") != NULL, "%s", r);
    cr_assert_str_eq(C(obj_getattr_cstr(v, "co_name")), "f");
    cr_assert_str_eq(C(obj_getattr_cstr(v, "co_filename")), "x.py");
    cr_assert_eq(AS_INT(obj_getattr_cstr(v, "co_firstlineno")), 3);
    cr_assert_eq(AS_INT(obj_getattr_cstr(v, "co_argcount")), 1);
    TupleObj *t = (TupleObj *)AS_OBJ(obj_getattr_cstr(v, "co_varnames"));
    cr_assert_eq(t->n, 2);
    cr_assert_str_eq(C(t->items[1]), "y");
}

Test(frame, code_line_at_clamps_to_the_code)
{
    uint32_t ins[] = {I(NOP, 0), I(NOP, 0), I(RETURN_VALUE, 0)};
    CodeObj *co = mkcode("f", ins, 3, NULL, 0, NULL, 0, 10);
    cr_assert_eq(code_line_at(co, 1), 11);
    cr_assert_eq(code_line_at(co, -1), 10);
    cr_assert_eq(code_line_at(co, 99), 12);
}

Test(frame, frame_repr_lineno_and_locals)
{
    grab_escapes = 1;
    FuncObj *fn = grabbing_func();
    obj_call1(V_OBJ(fn), V_INT(1));
    Value fv = V_OBJ(grabbed);
    const char *r = C(obj_repr(fv));
    cr_assert(strncmp(r, "<frame at 0x", 12) == 0, "%s", r);
    /* Seen after the return: the line of the last instruction run. */
    cr_assert(strstr(r, ", file 'x.py', line 9, code f>") != NULL, "%s", r);
    cr_assert_eq(AS_INT(obj_getattr_cstr(fv, "f_lineno")), 9);
    cr_assert_eq(grabbed_line, 8); /* during the call */
    cr_assert(IS_NONE(obj_getattr_cstr(fv, "f_back")));
    cr_assert_eq(AS_OBJ(obj_getattr_cstr(fv, "f_code")), (Obj *)fn->code);
    DictObj *loc = (DictObj *)AS_OBJ(obj_getattr_cstr(fv, "f_locals"));
    cr_assert_eq(loc->used, 2);
    cr_assert_eq(AS_INT(dict_get_str(loc, S("b"))), 7);
}

Test(frame, f_back_links_to_the_caller)
{
    grab_escapes = 1;
    dict_set_str(globals, S("f"), V_OBJ(grabbing_func()));
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(LOAD_CONST, 0), I(CALL_FUNCTION, 1),
                      I(RETURN_VALUE, 0)};
    const char *names[] = {"f"};
    CodeObj *mod = mkcode("<module>", ins, N(ins), names, 1, NULL, 0, 1);
    mod->flags = CO_MODULE;
    vm_run_module(mod, globals);
    Value back = obj_getattr_cstr(V_OBJ(grabbed), "f_back");
    cr_assert(IS_TYPE(back, frame_type));
    cr_assert_eq(grabbed_back_line, 3);
    cr_assert_eq(AS_INT(obj_getattr_cstr(back, "f_lineno")), 4);
    cr_assert_eq(AS_OBJ(obj_getattr_cstr(back, "f_locals")), (Obj *)globals);
    cr_assert(((Frame *)AS_OBJ(back))->escaped);
}

Test(frame, frames_that_did_not_escape_are_recycled)
{
    grab_escapes = 0;
    FuncObj *fn = grabbing_func();
    obj_call1(V_OBJ(fn), V_INT(1));
    Frame *first = grabbed;
    obj_call1(V_OBJ(fn), V_INT(1));
    cr_assert_eq(grabbed, first);
}

Test(frame, escaped_frames_are_not_recycled)
{
    grab_escapes = 1;
    FuncObj *fn = grabbing_func();
    obj_call1(V_OBJ(fn), V_INT(1));
    Frame *first = grabbed;
    grab_escapes = 0;
    obj_call1(V_OBJ(fn), V_INT(1));
    cr_assert_neq(grabbed, first);
    cr_assert_eq(first->code, fn->code);
    cr_assert(first->finished);
}

Test(frame, escaped_frame_survives_collection)
{
    gc_set_enabled(1);
    grab_escapes = 1;
    Value fn = V_OBJ(grabbing_func());
    gc_root_push(&fn);
    obj_call1(fn, V_INT(1));
    Value fv = V_OBJ(grabbed);
    gc_root_push(&fv);
    gc_collect();
    Value code = obj_getattr_cstr(fv, "f_code");
    cr_assert_str_eq(C(obj_getattr_cstr(code, "co_name")), "f");
    gc_root_pop(2);
}

Test(frame, frame_escape_marks_the_whole_chain)
{
    Frame *a = vm_frame_new(code_new(), globals, vm_builtins(), globals, NULL);
    Frame *b = vm_frame_new(code_new(), globals, vm_builtins(), NULL, NULL);
    b->back = a;
    a->escaped = 0;
    cr_assert_eq(AS_OBJ(frame_escape(b)), (Obj *)b);
    cr_assert(a->escaped && b->escaped);
}

/* frame_keep marks a live chain up to the first frame that escaped with
 * its callers, and goes on through generator frames, whose callers
 * change with each resumption. */
Test(frame, keep_marks_the_chain_once)
{
    Frame fr[5];
    memset(fr, 0, sizeof fr);
    for (int i = 0; i < 4; i++)
        fr[i].back = &fr[i + 1];
    fr[3].escaped = 1;            /* escaped earlier, with fr[4] */
    frame_keep(&fr[0]);
    cr_assert(fr[0].escaped && fr[1].escaped && fr[2].escaped);
    cr_assert_eq(fr[4].escaped, 0, "stopped at the escaped frame");
    memset(fr, 0, sizeof fr);
    for (int i = 0; i < 4; i++)
        fr[i].back = &fr[i + 1];
    fr[1].escaped = fr[1].is_gen = 1; /* a generator resumed from fr[2] */
    frame_keep(&fr[0]);
    for (int i = 0; i < 5; i++)
        cr_assert(fr[i].escaped, "frame %d", i);
}
