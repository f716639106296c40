#pragma once
// Groups a batch's pages, in scan order, into documents (issue 4, stage 2): a page with a form title starts a
// document; a page without one continues the document before it when it fits (a form's second page, a report's
// next page, the 附页 of a 主要事迹); blank pages (duplex backs) belong to none; anything else is a document of
// unknown form on its own, so no page is ever dropped.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "extractors/page/page_read.h"

namespace intake {

enum class PageRole { first, continuation, annex_page };
std::string_view name_of(PageRole role);

struct AssembledDocument {
  std::string form = "unknown";  // forms.json id, or unknown
  std::optional<std::string> round;
  std::vector<std::size_t> pages;  // indices into the page sequence, in reading order
  std::vector<PageRole> roles;     // one per page
};

// `groups[i]`: which batch page i came from (its folder): a document never continues across batches. Same size as
// `pages`, or empty for one batch.
std::vector<AssembledDocument> assemble_documents(const std::vector<PageRead>& pages,
                                                  const std::vector<std::string>& groups = {});

// 附页, 附页：主要事迹, 主要事迹（附页）: the heading of a sheet that carries a long text the form sent here.
bool is_annex_heading(std::string_view line);

}  // namespace intake
