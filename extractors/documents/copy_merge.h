#pragma once
// The notice asks for five identical printed copies of every form (一式5份). Copies of one document in one batch
// folder are merged into one document that counts them; two copies whose values disagree where both were read
// with certainty are different versions (copy_mismatch), and each stays a document of its own.
#include <cstddef>
#include <string>
#include <vector>

#include "extractors/documents/document_assembly.h"
#include "extractors/documents/document_fields.h"

namespace intake {

struct CopyMismatch {
  std::size_t document = 0;  // the version kept first
  std::size_t other = 0;     // the copy that differs
  std::string field;
};

struct MergedCopies {
  std::vector<std::vector<std::size_t>> groups;  // documents that are copies of each other, first one kept
  std::vector<CopyMismatch> mismatches;
};

// Whether two documents of one form are about the same nominee or unit: the same subject as read, or — a copy
// whose name OCR misread or missed — at least two identifying values (birth, ID number, phone, post, a long
// text…) in common and more in common than apart.
bool same_subject(const ExtractedDocument& a, const ExtractedDocument& b);

// `folders[i]`: the batch folder of document i. Only documents of a known form, in the same folder, of the same
// round and about the same subject are compared.
MergedCopies find_copies(const std::vector<AssembledDocument>& documents,
                         const std::vector<ExtractedDocument>& extracted, const std::vector<std::string>& folders);

// The fields of a merged document: each field from the first copy that read it `ok`; else the value most copies
// read (scans of separate sheets misread independently), ties to the more confident read; else the first copy's.
// Of three copies or more, an `ok` text that most copies read with another character at one place goes to review
// (于部 in the one copy read `ok`, 干部 in three of five).
std::vector<ExtractedField> merged_fields(const std::vector<std::size_t>& group,
                                          const std::vector<ExtractedDocument>& extracted);

}  // namespace intake
