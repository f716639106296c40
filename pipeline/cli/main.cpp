#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "ocr/pix_mat.h"
#include "pipeline/cli/commands.h"

int main(int argc, char** argv) {
  // Tesseract's LSTM spreads every line over OpenMP threads; intake already runs one engine per core, so those
  // threads only oversubscribe the machine (2–3× slower). libgomp reads OMP_THREAD_LIMIT when it is loaded, before
  // main, so the variable has to be in the environment the process starts with: set it and start once more.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
    ::execv("/proc/self/exe", argv);  // returns only on failure: then go on, merely slower
  }
  std::setlocale(LC_ALL, "C.UTF-8");
  intake::silence_leptonica();
  try {
    return intake::run_command_line(argc, argv);
  } catch (const std::exception& e) {
    // Only a bug or a broken database gets here; inputs report their problems as values.
    std::cerr << "intake: internal error: " << e.what() << '\n';
    return 3;
  }
}
