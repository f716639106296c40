#include <clocale>
#include <exception>
#include <iostream>

#include "ocr/pix_mat.h"
#include "pipeline/cli/commands.h"

int main(int argc, char** argv) {
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
