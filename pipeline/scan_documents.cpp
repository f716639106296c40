#include "pipeline/scan_documents.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "extractors/documents/copy_merge.h"
#include "extractors/documents/copy_pages.h"
#include "extractors/documents/document_assembly.h"
#include "extractors/documents/document_fields.h"
#include "extractors/documents/name_agreement.h"
#include "extractors/documents/person_agreement.h"
#include "extractors/photos/photo_box.h"
#include "models/form_model.h"
#include "models/unit_model.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

// The batch a page came in: its folder for paper, the message that carried it for e-mail, so that e-mail pages are
// never assembled or merged with paper or with another message's. The NUL a path cannot hold keeps the two apart.
std::string group_of(const UnassignedPage& page) {
  if (page.message) return fmt::format("{}message {}", '\0', *page.message);
  return fs::path(page.file).parent_path().string();
}

// A batch folder holds one unit's packet: the recommender its documents name most often wins for all of them
// (a nominee's unit names a city, a report or 附件4 names the unit itself, so those count more); a folder whose
// documents name none takes the unit its path names. A message's subject names its unit (FORMS.md) and wins over
// both.
std::map<std::string, std::optional<std::string>> recommenders_by_group(
    const std::vector<AssembledDocument>& documents, const std::vector<ExtractedDocument>& extracted,
    const std::vector<std::string>& groups, const std::map<std::string, std::string>& named_by_subject) {
  std::map<std::string, std::map<std::string, int>> votes;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::string& group = groups[documents[i].pages.front()];
    if (!extracted[i].recommender) continue;
    const bool names_itself = documents[i].form == "report" || documents[i].form == "annex4" ||
                              documents[i].form == "annex9";
    votes[group][*extracted[i].recommender] += names_itself ? 3 : 1;
  }
  std::map<std::string, std::optional<std::string>> chosen;
  for (const std::string& group : groups) {
    if (chosen.contains(group)) continue;
    if (const auto named = named_by_subject.find(group); named != named_by_subject.end()) {
      chosen[group] = named->second;
      continue;
    }
    std::optional<std::string> best;
    int best_votes = 0;
    for (const auto& [unit, count] : votes[group])
      if (count > best_votes) best = unit, best_votes = count;
    if (!best) best = recommender_from_path(group + "/x");
    chosen[group] = best;
  }
  return chosen;
}

NewField stored_field(const ExtractedField& field, const std::vector<UnassignedPage>& pages,
                      const std::string& engine) {
  NewField out;
  out.field = field.field;
  out.row_index = field.row_index;
  if (!field.value.is_null()) out.value_json = field.value.dump();
  if (!field.raw_text.empty()) out.raw_text = field.raw_text;
  out.confidence = field.confidence;
  out.status = field.status;
  if (field.page) out.page_id = pages[*field.page].page_id;
  if (field.box && (*field.box)[2] > 0) out.box = *field.box;
  out.engine = field.mode.empty() ? engine : fmt::format("{} ({})", engine, field.mode);
  if (!field.note.empty()) out.note = field.note;
  return out;
}

Finding record_finding(const CrossCheck& check, Id document, const std::optional<std::string>& recommender,
                       const std::optional<std::string>& subject) {
  Finding finding;
  finding.key = fmt::format("{}|document {}|{}", check.rule, document, check.field);
  finding.rule = check.rule;
  finding.severity = Severity::error;
  finding.recommender = recommender;
  finding.subject = subject;
  finding.field = check.field;
  finding.documents = {document};
  finding.message = check.message;
  return finding;
}

// An opinion box with its text and date but no seal: the notice wants every 推荐单位意见 sealed (盖章).
std::vector<CrossCheck> seal_checks(const ExtractedDocument& document) {
  std::vector<CrossCheck> checks;
  for (const ExtractedField& field : document.fields) {
    if (field.row_index || !field.value.is_object() || !field.value.contains("sealed")) continue;
    const bool filled = field.value.value("text", nlohmann::json()).is_string() &&
                        field.value.value("date", nlohmann::json()).is_string();
    if (filled && !field.value["sealed"].get<bool>())
      checks.push_back({"unsealed_opinion", field.field, fmt::format("{} signed and dated but no seal found", field.field)});
  }
  return checks;
}

}  // namespace

std::optional<std::string> recommender_from_path(const std::string& file) {
  fs::path folder = fs::path(file).parent_path();
  for (; !folder.empty() && folder != folder.root_path(); folder = folder.parent_path())
    if (auto unit = match_recommender(folder.filename().string())) return unit;
  return std::nullopt;
}

DocumentsStored store_documents_from_pages(Store& store, Id run, const std::string& engine) {
  DocumentsStored stored;
  const std::vector<UnassignedPage> pages = store.unassigned_pages();
  if (pages.empty()) return stored;
  std::vector<PageRead> reads;
  std::vector<std::string> groups;
  std::map<std::string, std::string> named_by_subject;
  reads.reserve(pages.size());
  for (const UnassignedPage& page : pages) {
    PageRead read;
    try {
      read = nlohmann::json::parse(page.read_json).get<PageRead>();
    } catch (const nlohmann::json::exception&) {
      read.problem = "stored page read is not readable";  // an older or damaged row: the page stays unknown
    }
    read.page = page.page_index;
    reads.push_back(std::move(read));
    groups.push_back(group_of(page));
    if (page.message_recommender) named_by_subject[groups.back()] = *page.message_recommender;
  }

  // Pages of unknown form that are copies of a classified page take its form, then the batch is assembled again.
  const std::vector<AssembledDocument> first_assembly = assemble_documents(reads, groups);
  reads = classified_by_copies(std::move(reads), first_assembly, groups);
  const std::vector<AssembledDocument> documents = assemble_documents(reads, groups);
  std::vector<ExtractedDocument> extracted;
  extracted.reserve(documents.size());
  for (const AssembledDocument& document : documents) extracted.push_back(extract_document(document, reads));
  const auto recommenders = recommenders_by_group(documents, extracted, groups, named_by_subject);

  // Each document's batch, and for comparing names across batches its recommender (the batch when unknown).
  std::vector<std::string> folders, recommender_of, forms;
  for (const AssembledDocument& document : documents) {
    folders.push_back(groups[document.pages.front()]);
    recommender_of.push_back(recommenders.at(folders.back()).value_or(folders.back()));
    forms.push_back(document.form);
  }
  settle_names_by_other_forms(extracted, recommender_of, forms);
  settle_person_fields_by_other_forms(extracted, recommender_of, forms);
  flag_disagreeing_names(extracted, recommender_of);
  const MergedCopies copies = find_copies(documents, extracted, folders);

  std::vector<PagedDocument> paged;
  std::vector<ExtractedDocument> merged_documents;  // parallel to copies.groups
  std::vector<std::size_t> stored_group(documents.size());
  for (std::size_t g = 0; g < copies.groups.size(); ++g) {
    const std::vector<std::size_t>& group = copies.groups[g];
    const AssembledDocument& document = documents[group.front()];
    PagedDocument out;
    out.form = form_kind_from(document.form).value_or(FormKind::unknown);
    if (document.round) out.round = round_from(*document.round);
    if (pages[document.pages.front()].message) out.channel = Channel::email;
    out.recommender = recommenders.at(folders[group.front()]);
    out.copies = static_cast<int>(group.size());
    for (const std::size_t member : group) {
      stored_group[member] = g;
      for (const std::size_t page : documents[member].pages) out.page_ids.push_back(pages[page].page_id);
    }
    ExtractedDocument& merged = merged_documents.emplace_back();
    merged.fields = merged_fields(group, extracted);
    merged.recommender = extracted[group.front()].recommender;
    summarise_fields(merged);
    for (const ExtractedField& field : merged.fields) out.fields.push_back(stored_field(field, pages, engine));
    paged.push_back(std::move(out));
  }
  const std::vector<Id> ids = store.add_documents(run, paged);
  stored.documents = static_cast<int>(ids.size());

  for (std::size_t g = 0; g < ids.size() && g < copies.groups.size(); ++g) {
    const ExtractedDocument& merged = merged_documents[g];
    std::vector<CrossCheck> checks = merged.checks;
    for (CrossCheck& check : seal_checks(merged)) checks.push_back(std::move(check));
    for (const CrossCheck& check : checks)
      if (store.add_finding(run, record_finding(check, ids[g], paged[g].recommender, merged.subject))) ++stored.findings;
  }
  // Printed 附件3/6: a photo with one face glued in each copy's photo box (notice 七).
  for (std::size_t g = 0; g < ids.size() && g < copies.groups.size(); ++g) {
    if (paged[g].channel != Channel::paper) continue;
    std::vector<PhotoBoxRead> boxes;
    for (const std::size_t member : copies.groups[g])
      if (const auto& box = reads[documents[member].pages.front()].photo_box) boxes.push_back(*box);
    for (const PhotoBoxFinding& found : photo_box_findings(boxes)) {
      const Finding finding{fmt::format("{}|document {}|photo_box|{}", found.rule, ids[g], found.problem), found.rule,
                            Severity::error, paged[g].recommender, merged_documents[g].subject, "photo_box",
                            {ids[g]}, std::nullopt, found.message};
      if (store.add_finding(run, finding)) ++stored.findings;
    }
  }
  for (const CopyMismatch& mismatch : copies.mismatches) {
    const Id kept = ids.at(stored_group[mismatch.document]);
    const Id other = ids.at(stored_group[mismatch.other]);
    Finding finding;
    finding.key = fmt::format("copy_mismatch|document {}|document {}|{}", kept, other, mismatch.field);
    finding.rule = "copy_mismatch";
    finding.recommender = paged[stored_group[mismatch.document]].recommender;
    finding.subject = merged_documents[stored_group[mismatch.document]].subject;
    finding.field = mismatch.field;
    finding.documents = {kept, other};
    // Names the field, never its values: they may be ID or phone numbers.
    finding.message = fmt::format("two paper copies of this document differ in {}", mismatch.field);
    if (store.add_finding(run, finding)) ++stored.findings;
  }
  return stored;
}

}  // namespace intake
