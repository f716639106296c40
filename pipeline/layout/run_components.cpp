#include "pipeline/layout/run_components.h"

#include <cstring>

namespace intake {
namespace {

constexpr std::uint64_t low_bits = 0x0101010101010101ULL;
constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

std::uint64_t load8(const unsigned char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

bool any_zero_byte(std::uint64_t word) { return ((word - low_bits) & ~word & high_bits) != 0; }

// First x ≥ `x` where the pixel is (`want_nonzero` ? non-zero : zero), or `cols`.
int next_pixel(const unsigned char* row, int x, int cols, bool want_nonzero) {
  if (want_nonzero)
    while (x + 8 <= cols && load8(row + x) == 0) x += 8;
  else
    while (x + 8 <= cols && !any_zero_byte(load8(row + x))) x += 8;
  while (x < cols && (row[x] != 0) != want_nonzero) ++x;
  return x;
}

int find_root(std::vector<int>& parent, int i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

}  // namespace

std::vector<PixelRun> row_runs(const cv::Mat& image, bool nonzero) {
  CV_Assert(image.type() == CV_8UC1);
  std::vector<PixelRun> runs;
  for (int y = 0; y < image.rows; ++y) {
    const unsigned char* row = image.ptr<unsigned char>(y);
    for (int x = next_pixel(row, 0, image.cols, nonzero); x < image.cols;) {
      const int end = next_pixel(row, x, image.cols, !nonzero);
      runs.push_back({y, x, end});
      x = next_pixel(row, end, image.cols, nonzero);
    }
  }
  return runs;
}

std::vector<int> connect_runs(std::span<const PixelRun> runs, bool eight_connected, int* count) {
  const int n = static_cast<int>(runs.size());
  std::vector<int> parent(runs.size());
  for (int i = 0; i < n; ++i) parent[i] = i;
  // The root of a component is its first run: the earlier run wins every union.
  auto unite = [&](int a, int b) {
    a = find_root(parent, a);
    b = find_root(parent, b);
    if (a < b)
      parent[b] = a;
    else if (b < a)
      parent[a] = b;
  };
  const int slack = eight_connected ? 1 : 0;
  int previous = 0, previous_end = 0;  // runs of the line above the current one: [previous, previous_end)
  for (int line_start = 0; line_start < n;) {
    int line_end = line_start;
    while (line_end < n && runs[line_end].line == runs[line_start].line) ++line_end;
    if (previous_end == previous || runs[previous].line != runs[line_start].line - 1) previous = previous_end;
    for (int i = line_start, p = previous; i < line_end; ++i) {
      while (p < previous_end && runs[p].end + slack <= runs[i].begin) ++p;
      for (int q = p; q < previous_end && runs[q].begin < runs[i].end + slack; ++q) unite(i, q);
    }
    previous = line_start;
    previous_end = line_end;
    line_start = line_end;
  }
  std::vector<int> label(runs.size());
  int labels = 0;
  for (int i = 0; i < n; ++i) {
    const int root = find_root(parent, i);
    label[i] = root == i ? labels++ : label[root];
  }
  *count = labels;
  return label;
}

}  // namespace intake
