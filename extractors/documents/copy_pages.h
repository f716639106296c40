#pragma once
// Every form comes on paper in five identical copies (一式5份). A page whose title OCR could not read, and whose
// labels say no one form, is still a copy of a page another copy's title was read on: its text is nearly the same.
// Such a page is classified as that page was, so its copy joins the others instead of standing as unknown.
#include <cstddef>
#include <string>
#include <vector>

#include "extractors/documents/document_assembly.h"
#include "extractors/page/page_read.h"

namespace intake {

// How alike two pages' texts are, 0–1: the Dice coefficient of their Chinese character pairs. Copies of one page
// read by OCR score far above two different pages of one form, which share the printed labels only.
double page_text_similarity(const PageRead& a, const PageRead& b);

// `pages` with each unknown document's first page given the form and round of the most alike first page of a
// known document in the same batch (`groups`, as for assemble_documents), when it is alike enough and clearly more
// alike than any other; assemble again to take the copies in.
std::vector<PageRead> classified_by_copies(std::vector<PageRead> pages, const std::vector<AssembledDocument>& documents,
                                           const std::vector<std::string>& groups);

}  // namespace intake
