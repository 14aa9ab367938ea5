/* rl_load.h - GNU readline, loaded with dlopen when a line is first read
 * at a terminal.
 *
 * Linking libreadline (and its libtinfo) into sigvm costs about 400 KiB
 * of resident memory in every process, script or not: the loader maps
 * and relocates both libraries at start-up.  Only the prompt and input()
 * on a terminal use readline, so the library configure found
 * (READLINE_SONAME) is opened then, and the functions and variables the
 * REPL uses are reached through the pointers in rll.  Each pointer has
 * the type of the declaration in <readline/readline.h> or
 * <readline/history.h>, so a call through it is checked as a direct call
 * would be.
 */
#ifndef SIGVM_CLI_RL_LOAD_H
#define SIGVM_CLI_RL_LOAD_H

#include <stdio.h>

#include <readline/history.h>
#include <readline/readline.h>

/* Every readline symbol sigvm uses, functions and variables alike. */
#define RLL_SYMBOLS(X)                                                      \
    X(add_history) X(history_truncate_file) X(read_history)                \
    X(stifle_history) X(using_history) X(write_history)                    \
    X(rl_bind_key) X(rl_callback_handler_install)                          \
    X(rl_callback_handler_remove) X(rl_callback_read_char)                 \
    X(rl_callback_sigcleanup) X(rl_cleanup_after_signal)                   \
    X(rl_clear_visible_line) X(rl_complete) X(rl_completion_matches)       \
    X(rl_forced_update_display) X(rl_free_line_state) X(rl_initialize)     \
    X(rl_insert_text) X(rl_reset_screen_size) X(rl_variable_bind)          \
    X(rl_attempted_completion_function) X(rl_attempted_completion_over)    \
    X(rl_catch_signals) X(rl_catch_sigwinch)                               \
    X(rl_completer_word_break_characters)                                  \
    X(rl_completion_append_character) X(rl_instream) X(rl_line_buffer)     \
    X(rl_outstream) X(rl_point) X(rl_readline_name)

/* A field per symbol, named as the symbol: a pointer to the function, or
 * to the variable (so rl_point is *rll.rl_point).  __typeof__ does not
 * evaluate its operand, so naming the symbol here links nothing. */
#define RLL_FIELD(name) __typeof__(&name) name;
typedef struct RllApi {
    RLL_SYMBOLS(RLL_FIELD)
} RllApi;
#undef RLL_FIELD

/* Filled in by rll_load; all NULL until it succeeds. */
extern RllApi rll;

/* Open READLINE_SONAME and look every symbol up, the first time; later
 * calls return the first result.  0, or -1 with the reason in
 * rll_error().  Main thread or GIL holder only. */
int rll_load(void);

/* rll_load's work for the library soname, every time it is called
 * (exported for the unit tests, which also name one that is missing). */
int rll_open(const char *soname);

/* Why rll_load failed: "cannot load GNU readline (NAME): dlerror text". */
const char *rll_error(void);

#endif
