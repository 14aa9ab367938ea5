/* code.h - code objects: what the compiler produces and the VM runs.
 *
 * An instruction is one 32-bit word: the opcode in the low 8 bits and a
 * 24-bit argument above it (opcodes.h).  Jump arguments are absolute
 * instruction indexes.  lines[i] is the source line of instruction i.
 */
#ifndef SIGVM_CODE_H
#define SIGVM_CODE_H

#include <stdint.h>

#include "object.h"

enum {
    CO_VARARGS = 1 << 0,    /* has *args */
    CO_VARKEYWORDS = 1 << 1, /* has **kwargs */
    CO_GENERATOR = 1 << 2,  /* calling it makes a generator */
    CO_NEWLOCALS = 1 << 3,  /* a function: locals are fast slots */
    CO_CLASSBODY = 1 << 4,  /* a class body: names go to a locals dict */
    CO_MODULE = 1 << 5,     /* module level: names are globals */
};

#define INSTR_OP(w) ((int)((w) & 0xffu))
#define INSTR_ARG(w) ((int)((w) >> 8))
#define INSTR_MAKE(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_ARG_MAX 0xffffff

typedef struct CodeObj {
    Obj hdr;
    uint32_t *code;      /* malloc'd, ncode words */
    int *lines;          /* malloc'd, ncode line numbers */
    int ncode;
    Value *consts;       /* malloc'd; str/int/float/None/bool/tuple/code */
    int nconsts;
    StrObj **names;      /* interned: globals, attributes, imports */
    int nnames;
    StrObj **varnames;   /* interned: parameters first, then other locals */
    int nlocals;
    StrObj **cellvars;   /* names of cells created in this frame */
    int ncells;
    StrObj **freevars;   /* names of cells received through the closure */
    int nfrees;
    int *cell2arg;       /* per cell: index of the parameter that
                            initialises it, or -1; NULL if none do */
    int argcount;        /* positional parameters (without *args) */
    int kwonlyargcount;
    int flags;           /* CO_* */
    int stacksize;       /* maximum value-stack depth */
    int firstlineno;
    StrObj *name;        /* "f", "<module>", "<lambda>", "<listcomp>" ... */
    StrObj *qualname;    /* "C.f", "f.<locals>.g" ... */
    StrObj *filename;
    void *vm_cache;      /* owned by vm/: inline caches, NULL until used */
} CodeObj;

/* Allocate an empty code object; the compiler fills the fields, handing
 * over malloc'd arrays that the code object then owns and frees. */
CodeObj *code_new(void);
/* Line of the instruction at index i (for tracebacks and f_lineno). */
int code_line_at(const CodeObj *co, int i);

#endif
