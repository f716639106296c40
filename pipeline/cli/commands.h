#pragma once
// The command line of EXPORT.md. Exit statuses: 0 done (findings may exist), 1 some input could not be read (each
// named on stderr and recorded), 2 usage error.

namespace intake {

enum ExitStatus : int { exit_done = 0, exit_unreadable_input = 1, exit_usage = 2 };

int run_command_line(int argc, char** argv);

}  // namespace intake
