#pragma once
// 附件4/9's 序号 column counts its rows. A number misread in one row (2 read as 3) is told by the rows around
// it: the row gets the number they leave room for, for a person to confirm.
#include <optional>
#include <vector>

namespace intake {

struct SerialRepair {
  std::size_t row;  // index into the reads
  long number;      // what the neighbouring rows leave room for
};

// `read`: each row's 序号 as read, in row order (nullopt when unread). A row is repaired only when its
// neighbours agree with each other and leave exactly one number for it: between two rows, the numbers on both
// sides two apart; at either end, the next two rows one apart. A row the neighbours leave no room for (an
// extra row read from a wrapped line) is left alone.
std::vector<SerialRepair> repair_serial_numbers(const std::vector<std::optional<long>>& read);

}  // namespace intake
