#include "commands.h"
int RunGraph(const CommandContext&) { return 0; }
