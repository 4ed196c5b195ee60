#include "commands.h"
int RunCheck(const CliOptions&) { return 0; }
