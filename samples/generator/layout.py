"""One entry point from a Document to its laid-out pages.

The look and every layout decision are drawn from the document's base
reference, so a variant (an older copy, the e-mail version with a planted
difference) is laid out exactly like its original except for the one value.
"""
from . import forms_layout, look, report_layout, table_layout
from .rng import stream


def base_ref(ref):
    return ref.split("#", 1)[0]


def layout_document(doc, forms, measure, seed):
    key = base_ref(doc.ref)
    if doc.form == "report":
        rng = stream(seed, "layout", key)
        return report_layout.layout(doc, look.choose(forms["report"], stream(seed, "look", key)), measure, rng)
    form = forms[doc.form]
    lk = look.choose(form, stream(seed, "look", key))
    rng = stream(seed, "layout", key)
    module = table_layout if form.layout == "table" else forms_layout
    return module.layout(doc, form, lk, measure, forms, rng)
