#pragma once
// Working days in China: Monday–Friday, minus the public holidays, plus the weekend days worked in exchange
// (调休上班), as the State Council announces them each year. The notice requires each 公示 to last 5 working
// days; this is what counts them.
#include <chrono>

namespace intake {

// Whether the State Council's holiday arrangements for `year` are in the table. Outside it, is_working_day falls
// back to Monday–Friday, which is wrong around holidays: callers checking such dates should say so.
bool work_calendar_covers(std::chrono::year year);

bool is_working_day(std::chrono::year_month_day date);

// Working days from `start` to `end`, both included; 0 when end is before start or either date is not a real date.
int working_days(std::chrono::year_month_day start, std::chrono::year_month_day end);

}  // namespace intake
