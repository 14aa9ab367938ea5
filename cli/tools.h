/* tools.h - the teaching and testing options of the sigvm program:
 * --trace-signals, --trace-no-times, --inject, --timeline and -m dis.
 *
 * main.c hands every long option to tools_long_option first, calls
 * tools_start once the runtime and its hooks are ready, runs the program
 * (or tools_run_dis for -m dis) and calls tools_finish before it exits.
 */
#ifndef SIGVM_CLI_TOOLS_H
#define SIGVM_CLI_TOOLS_H

enum { TOOLS_NOT_MINE = -1, TOOLS_OK = -2 };

/* argv[*i] is a long option.  Returns TOOLS_NOT_MINE, TOOLS_OK (consumed,
 * *i advanced past a separate argument), or an exit status after printing
 * a usage error. */
int tools_long_option(const char *prog, int argc, char **argv, int *i);
/* -m MODULE: 1 if sigvm has a main for MODULE (only dis), else 0. */
int tools_module_main(const char *module);
/* Whether -m dis was given. */
int tools_dis_requested(void);
/* The help lines for these options. */
void tools_help(void);
/* Start tracing, timeline recording and injection as requested (after
 * the VM's hooks are wired); script names the program for the timeline.
 * Returns -1 to stop with status 2 (a message was printed). */
int tools_start(const char *prog, const char *script);
/* Finish recording: drain the trace, write the timeline. */
void tools_finish(const char *prog);
/* -m dis FILE: print FILE's bytecode; returns the exit status. */
int tools_run_dis(const char *prog, const char *file);

#endif
