#include "pipeline/photos_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "extractors/photos/nominee_match.h"
#include "extractors/photos/photo_check.h"
#include "pipeline/bytes.h"
#include "pipeline/input_files.h"
#include "pipeline/nominees.h"
#include "pipeline/scan_documents.h"
#include "pipeline/sha256.h"

namespace intake {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view unreadable_problem = "damaged_jpeg";

json problems_json(const std::vector<PhotoProblem>& problems) {
  json out = json::array();
  for (const PhotoProblem& problem : problems)
    out.push_back({{"problem", problem.problem}, {"message", problem.message}, {"severity", name_of(problem.severity)}});
  return out;
}

std::vector<PhotoProblem> problems_from_json(const std::string& text) {
  std::vector<PhotoProblem> problems;
  const json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_array()) return problems;
  for (const json& item : parsed)
    if (item.is_object())
      problems.push_back({item.value("problem", ""), item.value("message", ""),
                          severity_from(item.value("severity", "error")).value_or(Severity::error)});
  return problems;
}

// One finding per problem, keyed by the photo's bytes: the same photo under another name or in another message
// is one photo. Bytes that do not decode are unreadable input, keyed as `intake scan` keys them.
Finding photo_finding(const PhotoProblem& problem, const std::string& sha256, const std::string& file,
                      const std::optional<std::string>& name, const std::optional<std::string>& recommender) {
  Finding finding;
  const bool unreadable = problem.problem == unreadable_problem;
  finding.rule = std::string(photo_rule(problem.problem));
  finding.key = unreadable ? fmt::format("unreadable_input|{}", sha256)
                           : fmt::format("{}|photo {}|{}", finding.rule, sha256, problem.problem);
  finding.severity = problem.severity;
  finding.recommender = recommender;
  finding.subject = name;
  finding.field = "photo";
  finding.file = file;
  finding.message = fmt::format("{}: {}", file, problem.message);
  return finding;
}

std::string match_key_prefix(const std::string& sha256) {
  return fmt::format("photo_name_mismatch|photo {}|", sha256);
}

}  // namespace

Result<PhotosChecked> check_unchecked_photos(Store& store, const BlobStore& blobs, Id run,
                                             const PhotoCheckOptions& options) {
  PhotosChecked checked;
  const std::vector<UncheckedPhoto> photos = store.unchecked_photos();
  if (photos.empty()) return checked;
  auto detector = FaceDetector::create(options.detector);
  if (!detector) return detector.error();
  for (const UncheckedPhoto& photo : photos) {
    NewPhoto record;
    record.file = photo.file;
    record.recommender = photo.recommender ? photo.recommender : recommender_from_path(photo.file);
    std::vector<PhotoProblem> problems;
    auto bytes = read_file_bytes(blobs.path_of(photo.blob), std::numeric_limits<std::uintmax_t>::max());
    if (!bytes) {
      problems.push_back({std::string(unreadable_problem), "the kept original cannot be read: " + bytes.error().reason});
    } else {
      try {
        const PhotoVerdict verdict = check_photo(bytes.value(), photo.file, detector.value(), options.standard);
        problems = verdict.problems;
        record.name = verdict.file_name.name;
        record.birth = verdict.file_name.birth;
        record.measured_json = verdict.measured().dump();
      } catch (const std::exception& e) {
        // A bug (or OpenCV refusing an image) must not stop the batch: the photo is reported, the rest checked.
        problems.push_back({std::string(unreadable_problem), fmt::format("internal error while checking: {}", e.what())});
      }
    }
    record.checks_json = problems_json(problems).dump();
    store.add_photo(photo.source, record);
    ++checked.checked;
    if (problems.empty()) ++checked.ok;
    for (const PhotoProblem& problem : problems) {
      if (problem.problem == unreadable_problem) checked.problems.push_back({photo.file, problem.message});
      if (store.add_finding(run, photo_finding(problem, photo.sha256, photo.file, record.name, record.recommender)))
        ++checked.findings;
    }
  }
  return checked;
}

PhotosMatched match_photos(Store& store, Id run) {
  PhotosMatched matched;
  const std::vector<StoredPhoto> photos = store.photos();
  if (photos.empty()) return matched;
  update_nominees(store);
  std::vector<NomineeCandidate> individuals;
  for (const StoredNominee& nominee : store.nominees())
    if (nominee.kind == "individual")
      individuals.push_back({nominee.id, nominee.name, nominee.recommender, nominee.birth});
  for (const StoredPhoto& photo : photos) {
    ++matched.photos;
    const NomineeMatch match = match_photo_nominee(photo.name, photo.birth, photo.recommender, individuals);
    std::vector<PhotoProblem> problems = problems_from_json(photo.checks_json);
    problems.insert(problems.end(), match.problems.begin(), match.problems.end());
    const std::vector<std::string> names = photo_problem_names(problems);
    if (match.nominee != photo.nominee || names != photo.problems || names.empty() != photo.ok)
      store.set_photo_match(photo.id, match.nominee, names);
    if (match.nominee) ++matched.matched;
    std::vector<Finding> findings;
    for (const PhotoProblem& problem : match.problems)
      findings.push_back(photo_finding(problem, photo.sha256, photo.file, photo.name, photo.recommender));
    matched.findings += store.replace_findings(run, match_key_prefix(photo.sha256), findings);
  }
  return matched;
}

int find_missing_photos(Store& store, Id run) {
  std::set<Id> formal_individual_documents;
  for (const StoredDocument& document : store.documents())
    if (document.form == FormKind::annex6) formal_individual_documents.insert(document.id);
  std::vector<Finding> findings;
  for (const StoredNominee& nominee : store.nominees()) {
    if (nominee.kind != "individual" || nominee.photo) continue;
    std::vector<Id> formal;
    for (const Id document : nominee.documents)
      if (formal_individual_documents.contains(document)) formal.push_back(document);
    if (formal.empty()) continue;
    Finding finding;
    finding.key = fmt::format("photo_missing|nominee {}|{}", nominee.recommender.value_or(""), nominee.name);
    finding.rule = "photo_missing";
    finding.recommender = nominee.recommender;
    finding.subject = nominee.name;
    finding.field = "photo";
    finding.documents = formal;
    finding.message = fmt::format("{} is nominated (附件6) but no electronic ID photo of theirs was received "
                                  "(notice 七: {}-YYYYMMDD.jpg)",
                                  nominee.name, nominee.name);
    findings.push_back(std::move(finding));
  }
  // Only the nominees' own: the scan's photo_missing findings of empty photo boxes are keyed by document.
  return store.replace_findings(run, "photo_missing|nominee ", findings);
}

nlohmann::json PhotosRunSummary::to_json() const {
  json problems_out = json::array();
  for (const InputProblem& problem : problems) problems_out.push_back({{"file", problem.file}, {"reason", problem.reason}});
  return {{"files", files},
          {"new_photos", new_photos},
          {"already_stored", already_stored},
          {"checked", checked.checked},
          {"ok", checked.ok},
          {"with_problems", checked.checked - checked.ok},
          {"matched", matched.matched},
          {"findings", checked.findings + matched.findings},
          {"problems", problems_out}};
}

Result<PhotosRunSummary> run_photos(const std::vector<std::string>& paths, const PhotosRunOptions& options) {
  auto store = Store::open(options.database);
  if (!store) return Error{fmt::format("{}: {}", options.database.string(), store.error().reason)};
  auto blobs = BlobStore::open(BlobStore::beside(options.database));
  if (!blobs) return blobs.error();
  const auto& db = options.database;
  const InputListing listing =
      list_input_files(paths, {db, fs::path(db.string() + "-wal"), fs::path(db.string() + "-shm"),
                               fs::path(db.string() + "-journal"), blobs->root()});
  PhotosRunSummary summary;
  const Id run = store->begin_run("photos");
  auto report = [&](const std::string& file, const std::string& key, const std::string& reason) {
    summary.problems.push_back({file, reason});
    Finding finding;
    finding.key = fmt::format("unreadable_input|{}", key);
    finding.rule = "unreadable_input";
    finding.file = file;
    finding.message = fmt::format("{}: {}", file, reason);
    store->add_finding(run, finding);
  };
  for (const MissingInput& missing : listing.missing) report(missing.display, missing.display, missing.reason);

  // Photos stored before whose bytes did not decode are named again, as `intake scan` names a partly readable file.
  std::map<std::string, std::string> undecodable;
  for (const StoredPhoto& photo : store->photos())
    for (const PhotoProblem& problem : problems_from_json(photo.checks_json))
      if (problem.problem == unreadable_problem) undecodable[photo.sha256] = problem.message;

  for (const InputFile& input : listing.files) {
    ++summary.files;
    auto bytes = read_file_bytes(input.path, options.max_file_bytes);
    if (!bytes) {
      report(input.display, input.display, bytes.error().reason);
      continue;
    }
    const std::string sha256 = sha256_hex(bytes.value());
    if (const auto existing = store->source_id(sha256)) {
      ++summary.already_stored;
      store->add_source_path(*existing, input.display, run);
      if (const auto found = undecodable.find(sha256); found != undecodable.end())
        summary.problems.push_back({input.display, found->second});
      continue;
    }
    auto blob = blobs->put(bytes.value(), sha256);
    if (!blob) {
      report(input.display, sha256, "cannot keep the original: " + blob.error().reason);
      continue;
    }
    ScannedFile file;
    file.sha256 = sha256;
    file.size = bytes->size();
    file.media_type = sniff_media_type(bytes.value());
    const Id source = store->add_scanned_file(run, file, {input.display, blob.value(), std::nullopt, std::nullopt, "photo"}, {});
    store->add_source_path(source, input.display, run);
    ++summary.new_photos;
  }

  auto checked = check_unchecked_photos(store.value(), blobs.value(), run, options.checks);
  if (!checked) {
    store->finish_run(run, summary.to_json().dump());
    return checked.error();
  }
  summary.checked = std::move(checked).value();
  for (const InputProblem& problem : summary.checked.problems) summary.problems.push_back(problem);
  summary.matched = match_photos(store.value(), run);
  store->finish_run(run, summary.to_json().dump());
  return summary;
}

}  // namespace intake
