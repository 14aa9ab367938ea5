/* symtable.h - which scope every name of a module belongs to.
 *
 * A first pass over the AST builds one block per module, function, lambda,
 * class body, comprehension and generator expression, records how each
 * name is used in it, and then resolves every name to one of: local,
 * global (explicit `global` or implicit), free (a cell received through
 * the closure) or cell (a local that a nested function captures).  The
 * rules are Python 3's: class bodies are not visible from their methods, a
 * comprehension is its own function whose first iterable is evaluated in
 * the enclosing block, and a method that mentions `super` or `__class__`
 * makes its class body create an implicit `__class__` cell.
 *
 * The symbol table knows nothing of runtime objects: names are the AST's C
 * strings, and errors are plain data that the code generator turns into
 * SyntaxError exceptions.
 */
#ifndef SIGVM_SYMTABLE_H
#define SIGVM_SYMTABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "compiler/ast.h"

typedef enum SymtKind {
    SYMT_MODULE,
    SYMT_FUNCTION, /* def, lambda, comprehension, generator expression */
    SYMT_CLASS
} SymtKind;

/* The flavour of a SYMT_FUNCTION block: names the code object and picks
 * the message for a misplaced `yield`. */
typedef enum SymtFuncKind {
    SYMT_DEF, SYMT_LAMBDA, SYMT_LISTCOMP, SYMT_SETCOMP, SYMT_DICTCOMP,
    SYMT_GENEXP
} SymtFuncKind;

/* How a name is used inside one block (bits, as CPython's DEF_*). */
enum {
    SYMF_GLOBAL = 1 << 0,     /* declared `global` */
    SYMF_LOCAL = 1 << 1,      /* assigned, deleted, a for/with/except target */
    SYMF_PARAM = 1 << 2,      /* a parameter */
    SYMF_NONLOCAL = 1 << 3,   /* declared `nonlocal` */
    SYMF_USE = 1 << 4,        /* read */
    SYMF_FREE_CLASS = 1 << 5, /* bound in a class body and free in a method:
                                 the class passes the cell through */
    SYMF_IMPORT = 1 << 6,     /* bound by an import */
    SYMF_BOUND = SYMF_LOCAL | SYMF_PARAM | SYMF_IMPORT
};

/* Where a name lives, once resolved. */
typedef enum SymtScope {
    SYMT_SC_NONE = 0,         /* not mentioned in the block */
    SYMT_SC_LOCAL,
    SYMT_SC_GLOBAL_EXPLICIT,
    SYMT_SC_GLOBAL_IMPLICIT,
    SYMT_SC_FREE,
    SYMT_SC_CELL
} SymtScope;

typedef struct SymtSymbol {
    const char *name;
    uint32_t hash;
    int flags;                /* SYMF_* */
    int scope;                /* SymtScope */
    int dir_line, dir_col;    /* the global/nonlocal statement, for errors */
    int dir_end_line, dir_end_col;
} SymtSymbol;

typedef struct SymtBlock {
    SymtKind kind;
    SymtFuncKind fkind;
    const char *name;         /* "f", "C", "<lambda>", "<listcomp>", "top" */
    const AstNode *node;      /* the def/lambda/class/comprehension node */
    struct SymtBlock *parent;
    struct SymtBlock **children;
    int nchildren, capchildren;
    SymtSymbol *syms;         /* in order of first mention; parameters first */
    int nsyms, capsyms;
    int32_t *index;           /* open addressing into syms, -1 empty */
    int nindex;               /* power of two */
    int nparams;              /* syms[0..nparams) are the parameters in
                                 varnames order: positional, keyword-only,
                                 *args, **kwargs */
    bool generator;           /* contains yield: calling makes a generator */
    bool varargs, varkeywords;
    bool nested;              /* inside a function */
    bool needs_class_closure; /* class body: create the __class__ cell */
    bool has_free;            /* uses free variables itself */
    bool child_free;          /* a nested block does */
} SymtBlock;

typedef struct SymtEntry SymtEntry;

typedef struct Symtable {
    SymtBlock *top;
    SymtBlock *cur;           /* block being filled during the build */
    SymtEntry *map;           /* AST node -> block */
    int nmap, capmap;
    int map_hint;             /* where symt_block_of starts looking */
    SymtBlock **all;          /* every block, for symt_free */
    int nall, capall;
    char **owned;             /* strings the table made (import bindings) */
    int nowned, capowned;
    /* The first error found: msg[0] != 0.  Columns are 0-based. */
    char msg[200];
    int lineno, col, end_lineno, end_col;
    bool oom;
} Symtable;

/* Build the table for a module, interactive or expression tree.  Returns
 * NULL only when out of memory; a SyntaxError is reported in st->msg. */
Symtable *symt_build(const AstNode *mod);
void symt_free(Symtable *st);

/* The block a def/lambda/class/comprehension node opened, or NULL. */
SymtBlock *symt_block_of(const Symtable *st, const AstNode *node);
SymtSymbol *symt_lookup(const SymtBlock *b, const char *name);
/* The resolved scope of name in b, SYMT_SC_NONE if not mentioned. */
int symt_scope(const SymtBlock *b, const char *name);
uint32_t symt_hash(const char *name);
/* The name an import alias binds (`import a.b` binds `a`); NULL when out
 * of memory.  The string lives as long as the table. */
const char *symt_import_binding(Symtable *st, const AstNode *alias);

#endif
