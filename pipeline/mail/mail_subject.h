#pragma once
// The recommending unit (推荐单位) named by a submission's subject. FORMS.md: units mail their materials with the
// subject "XXX市〔XXX委(办、厅、局)〕全省政务公开工作表彰上报材料", their name followed by the fixed title.
#include <string>
#include <string_view>

#include "models/result.h"

namespace intake {

struct SubjectReading {
  std::string recommender;  // the canonical unit name (models/units.json), e.g. 鞍山市, 省财政厅
  // "" when the subject has the notice's form; otherwise how it departs from it, worth a mail_subject warning
  // though the unit is known (鞍山市政务公开材料).
  std::string deviation;
};

// Tolerated as the notice's form: any number of reply and forward prefixes (Re: RE: Fwd: FW: 回复： 转发： 答复:),
// 关于报送…的函 around the subject, full-width or half-width characters and spaces anywhere, and text after the
// title (（经办人：…）). The unit is matched by match_recommender (models/unit_model.h): its name, an alias, or a
// longer name containing it. Error, with the reason, when no single known unit is named.
Result<SubjectReading> read_mail_subject(std::string_view subject);

}  // namespace intake
