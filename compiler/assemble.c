/* assemble.c - from a unit's instruction list to a CodeObj: labels become
 * absolute instruction indexes, jumps to jumps are threaded, and the
 * maximum stack depth is found by following every path through the code.
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/compile_int.h"

/* The stack effect of op, taken from the one opcode list.  `arg` is the
 * name the X-macro's effect expressions use. */
int comp_stack_effect(int op, int arg, int jump)
{
    switch (op) {
#define OPCODE(name, effect, jump_effect) \
    case OP_##name:                       \
        return jump ? (jump_effect) : (effect);
        SIGVM_OPCODES(OPCODE)
#undef OPCODE
    default:
        return 0;
    }
}

int comp_is_jump(int op)
{
    switch (op) {
#define OPCODE(name, effect, jump_effect) \
    case OP_##name:                       \
        return (jump_effect) != OP_NOJUMP;
        SIGVM_OPCODES(OPCODE)
#undef OPCODE
    default:
        return 0;
    }
}

/* Instructions after which control never falls through. */
static int is_terminal(int op)
{
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RERAISE ||
           op == OP_RAISE_VARARGS;
}

static int resolve_labels(Unit *u)
{
    for (int i = 0; i < u->nins; i++) {
        Instr *in = &u->ins[i];
        if (!comp_is_jump(in->op))
            continue;
        if (in->arg < 0 || in->arg >= u->nlabels || u->labels[in->arg] < 0)
            return -1;
        in->arg = u->labels[in->arg];
    }
    return 0;
}

/* A jump whose target is an unconditional JUMP can go straight to the
 * final target: this removes the extra dispatch that loops, if/else
 * chains and break statements otherwise pay.  Jumps never change the
 * stack, so any jump may be threaded this way except SETUP_*, whose
 * target is a handler address that must stay a block's own. */
static void thread_jumps(Unit *u)
{
    for (int i = 0; i < u->nins; i++) {
        Instr *in = &u->ins[i];
        if (!comp_is_jump(in->op) || in->op == OP_SETUP_FINALLY ||
            in->op == OP_SETUP_WITH)
            continue;
        for (int hops = 0; hops < 16; hops++) {
            int t = in->arg;
            if (t >= u->nins || u->ins[t].op != OP_JUMP || u->ins[t].arg == t)
                break;
            in->arg = u->ins[t].arg;
        }
    }
}

static void visit_depth(int *depth, int *work, int *nwork, int i, int d,
                        int *maxd)
{
    if (d > *maxd)
        *maxd = d;
    if (depth[i] >= 0)
        return; /* each point is reached at one depth in valid code */
    depth[i] = d;
    work[(*nwork)++] = i;
}

/* Follow fallthrough and jump edges from the entry; each instruction is
 * visited once. */
static int stack_depth(Compiler *c, Unit *u)
{
    if (u->nins == 0)
        return 0;
    int *depth = malloc((size_t)u->nins * sizeof *depth);
    int *work = malloc((size_t)u->nins * sizeof *work);
    if (!depth || !work) {
        free(depth);
        free(work);
        c->oom = 1;
        return 0;
    }
    for (int i = 0; i < u->nins; i++)
        depth[i] = -1;
    int nwork = 0, maxd = 0;
    /* A generator's first resume pushes the None that GEN_START pops. */
    visit_depth(depth, work, &nwork, 0, (u->flags & CO_GENERATOR) ? 1 : 0,
                &maxd);
    while (nwork > 0) {
        int i = work[--nwork];
        const Instr *in = &u->ins[i];
        int d = depth[i];
        if (comp_is_jump(in->op))
            visit_depth(depth, work, &nwork, in->arg,
                        d + comp_stack_effect(in->op, in->arg, 1), &maxd);
        if (!is_terminal(in->op) && i + 1 < u->nins)
            visit_depth(depth, work, &nwork, i + 1,
                        d + comp_stack_effect(in->op, in->arg, 0), &maxd);
    }
    free(depth);
    free(work);
    return maxd;
}

CodeObj *comp_assemble(Compiler *c, Unit *u)
{
    if (resolve_labels(u) < 0) {
        err_set(&exc_SystemError, "compiler: jump to an unplaced label");
        return NULL;
    }
    thread_jumps(u);
    int stacksize = stack_depth(c, u);
    uint32_t *code = malloc((size_t)(u->nins ? u->nins : 1) * sizeof *code);
    int *lines = malloc((size_t)(u->nins ? u->nins : 1) * sizeof *lines);
    if (!code || !lines || c->oom) {
        free(code);
        free(lines);
        err_no_memory();
        return NULL;
    }
    for (int i = 0; i < u->nins; i++) {
        code[i] = INSTR_MAKE(u->ins[i].op, u->ins[i].arg);
        lines[i] = u->ins[i].line;
    }
    CodeObj *co = code_new();
    co->code = code;
    co->lines = lines;
    co->ncode = u->nins;
    co->consts = u->consts;
    co->nconsts = u->nconsts;
    co->names = u->names;
    co->nnames = u->nnames;
    co->varnames = u->varnames;
    co->nlocals = u->nvarnames;
    co->cellvars = u->cellvars;
    co->ncells = u->ncells;
    co->freevars = u->freevars;
    co->nfrees = u->nfrees;
    co->cell2arg = u->cell2arg;
    co->argcount = u->argcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->flags = u->flags;
    co->stacksize = stacksize;
    co->firstlineno = u->firstlineno;
    co->name = u->name;
    co->qualname = u->qualname;
    co->filename = c->filename_str;
    /* The code object owns the arrays now. */
    u->consts = NULL;
    u->names = NULL;
    u->varnames = NULL;
    u->cellvars = NULL;
    u->freevars = NULL;
    u->cell2arg = NULL;
    return co;
}
