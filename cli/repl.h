/* repl.h - the interactive prompt: the read-eval-print loop (repl.c),
 * reading a line while signal handlers keep running (repl_read.c) and
 * tab completion (repl_complete.c).
 *
 * On a terminal, lines come from GNU readline in callback mode around a
 * ppoll() wait on stdin: a signal that arrives while the user types
 * interrupts the wait, the script's handlers run at once on the main
 * thread, and the line being typed is redrawn (SIGNALS.md 9.6).  Readline
 * never installs signal handlers of its own; sigvm's stay in charge.
 * Elsewhere the prompt goes to sys.stderr and lines are read from
 * sys.stdin, as CPython does without a terminal.
 */
#ifndef SIGVM_CLI_REPL_H
#define SIGVM_CLI_REPL_H

#include "runtime/runtime.h"

/* What repl_run returns besides an exit status (>= 0). */
enum {
    REPL_DIE_BY_SIGINT = -1, /* end by SIGINT: the last statement run ended
                                in a KeyboardInterrupt (CPython 3.11's REPL
                                does so) */
    REPL_SYSTEM_EXIT = -2,   /* SystemExit raised; the exception is set */
};

/* Run the prompt in the namespace `globals` (__main__'s) until end of
 * input or SystemExit.  banner: the greeting printed first to sys.stderr
 * (NULL after -i FILE). */
int repl_run(DictObj *globals, const char *banner);

/* Set sys.ps1 to '>>> ' and sys.ps2 to '... ' where they are missing;
 * repl_run does it first. */
void repl_init_prompts(void);

/* The prompt sys.<name> ("ps1" or "ps2") gives now: str() of its value,
 * "" when it is missing or str() fails (the error is dropped, as CPython
 * drops it).  Malloc'd. */
char *repl_prompt(const char *name);

/* Make input() read with readline (through std_readline_hook) when stdin
 * and stdout are terminals. */
void repl_install_input_hook(void);

/* Whether the prompt uses readline: stdin and stdout are terminals. */
int repl_use_readline(void);

/* Read one line with readline, showing prompt; handlers run while it
 * waits.  Returns 1 and a malloc'd line (no newline) in *line, 0 at end
 * of input, or -1 with an exception set (a handler raised, or
 * KeyboardInterrupt).  A non-empty line is added to the history. */
int repl_readline(const char *prompt, char **line);

/* Load readline and set it up, once: no readline signal handlers,
 * completion, TAB inserting indentation at the start of a line.  globals
 * is the namespace completion looks names up in.  0, or -1 when readline
 * cannot be loaded (said once on stderr): lines are then read as without
 * a terminal, as CPython reads them without its readline module. */
int repl_readline_init(DictObj *globals);

/* Completion (repl_complete.c): complete keywords, builtins, names in
 * globals and attributes after a dotted name. */
void repl_complete_init(DictObj *globals);
/* Make readline (loaded) complete with repl_complete_matches. */
void repl_complete_bind(void);
/* The completions of text (a name or a dotted name), as readline wants
 * them: a NULL-terminated malloc'd array of malloc'd strings, or NULL
 * when there is none.  Exported for the unit tests. */
char **repl_complete_matches(const char *text);

/* The GC root for the completion namespace. */
void repl_complete_mark(void);

/* The history file: $SIGVM_HISTFILE, else ~/.sigvm_history; NULL when
 * neither can be found.  Malloc'd. */
char *repl_history_path(void);

#endif
