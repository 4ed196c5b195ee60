#include "commands.h"
int RunDiff(const CommandContext&) { return 0; }
