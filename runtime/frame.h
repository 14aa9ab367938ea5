/* frame.h - execution frames, visible to scripts as frame objects.
 *
 * The VM allocates a frame per call and runs it; the runtime needs the
 * layout to mark frames, to hand the innermost frame to a signal handler
 * and to answer f_lineno, f_code, f_back, f_locals and f_globals.
 *
 * A frame that a script can see (a signal handler's `frame` argument,
 * sys._getframe(), a generator's frame, a traceback's tb_frame) is marked
 * `escaped`, with every frame behind it; the VM recycles only frames that
 * never escaped.
 */
#ifndef SIGVM_FRAME_H
#define SIGVM_FRAME_H

#include <stdint.h>

#include "code.h"

struct FuncObj;

enum { BLOCK_FINALLY, BLOCK_EXCEPT_HANDLER };
#define FRAME_MAXBLOCKS 20 /* as CPython's CO_MAXBLOCKS; the compiler
                              reports deeper nesting as a SyntaxError */

typedef struct Block {
    int kind;    /* BLOCK_* */
    int handler; /* instruction index to jump to */
    int level;   /* value-stack depth when the block was pushed */
} Block;

typedef struct Frame {
    Obj hdr;
    struct Frame *back;     /* the caller, NULL for the outermost */
    CodeObj *code;
    struct FuncObj *func;   /* NULL for module and class-body code run
                               directly */
    DictObj *globals;
    DictObj *builtins;
    DictObj *locals;        /* module: the globals; class body: the
                               namespace; functions: NULL */
    /* Set when the VM's loop calls this frame from another of its frames:
     * where the caller resumes (its next instruction and its stack top
     * without the call's operands).  A return dispatches from these
     * without waiting for the caller's code and caches to be loaded. */
    const uint32_t *vm_resume_ip;
    Value *vm_resume_sp;
    int lasti;              /* index of the instruction executing now, or
                               last executed; -1 before the first */
    int stackdepth;         /* values on the stack, stored by the VM
                               whenever it leaves the dispatch loop */
    int nblocks;
    uint8_t escaped;        /* a script may hold this frame */
    uint8_t finished;       /* it has returned or raised out */
    uint8_t is_gen;         /* owned by a generator */
    uint8_t init_call;      /* an __init__ the VM runs for a class call:
                               its result is checked and dropped, as the
                               instance is on the caller's stack */
    Block blocks[FRAME_MAXBLOCKS];
    /* code->nlocals fast locals, then code->ncells + code->nfrees cells
     * (CellObj values), then code->stacksize stack slots. */
    Value slots[];
} Frame;

#define FRAME_CELLS(f) ((f)->slots + (f)->code->nlocals)
#define FRAME_STACK(f) \
    ((f)->slots + (f)->code->nlocals + (f)->code->ncells + (f)->code->nfrees)

int frame_lineno(const Frame *f);
/* Mark f and every frame behind it as escaped; returns f as a Value. */
Value frame_escape(Frame *f);
/* The same for a traceback entry of the live frame f, in time linear in
 * the frames not yet escaped (an exception out of a deep recursion adds
 * an entry per frame). */
void frame_keep(Frame *f);

#endif
