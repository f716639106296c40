"""The submissions as e-mail: messages built the way real clients build them.

Each message stands for a client the offices actually use, which fixes how it
encodes the subject and the attachment names (RFC 2047 words, RFC 2231
parameters with continuations, or raw 8-bit bytes).  Beyond one message per
unit and round there are the awkward ones a mailbox really holds: a forwarded
submission, photos sent separately in a GBK-named ZIP, the same message twice,
a re-send with a new Message-ID, a reply without attachments, a late e-mail
and one whose subject cannot be read.  All are written to an mbox, a Maildir
and one .eml file each.
"""
import datetime as dt
import io
from dataclasses import dataclass, field
from email import base64mime, charset, encoders, message_from_bytes, policy
from email.generator import BytesGenerator
from email.header import Header
from email.message import EmailMessage
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime

from . import gbk_zip, texts
from .documents import ROUND_CN
from .rng import stream

OFFICE = "zfxxgk@ln.gov.cn"
SUBJECT_TAIL = "全省政务公开工作表彰上报材料"
TZ = dt.timezone(dt.timedelta(hours=8))
# (attachment-name encoding, subject charset): one per kind of client seen in Chinese government mail
CLIENTS = [("rfc2231-utf8", "utf-8"),     # Thunderbird, Apple Mail: RFC 2231 with continuations
           ("rfc2047-gbk", "gb2312"),     # Foxmail / Outlook: name="=?GBK?B?...?=", GB2312-labelled subject
           ("raw-gbk", "gbk"),            # OA systems and old webmail: raw GBK bytes in the header
           ("rfc2231-gbk", "gb18030"),    # clients that label everything GB18030
           ("raw-utf8", "utf-8")]         # phone mail apps: raw UTF-8 bytes
RARE_CONTACTS = ["王喆", "李堃", "赵昇", "孙玥"]   # outside GB2312: only GB18030/GBK can carry them
# Python labels GB2312 text "eucgb2312_cn", a name no mail client writes or reads; clients write "gb2312"
charset.add_charset("gb2312", charset.BASE64, charset.BASE64, "gb2312")
charset.add_codec("gb2312", "gb2312")
DAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass
class Attachment:
    name: str
    data: bytes
    ctype: str
    source: str = None          # file under OUTDIR it was made from
    entries: list = field(default_factory=list)   # ZIP: [(entry name, source)]


@dataclass
class Mail:
    role: str                   # submission | photos | forward | duplicate | resent | reply | unparseable_subject
    recommender: str
    round: str
    subject: str                # as the sender meant it; None when it cannot be decoded
    client: tuple
    date: dt.datetime
    sender: tuple               # (display name, address)
    attachments: list = field(default_factory=list)
    body: str = ""
    message_id: str = ""
    inner: object = None        # the forwarded Mail
    raw: bytes = b""


def unit_subject(unit):
    return unit + SUBJECT_TAIL


def _raw(text, charset):
    """text as raw 8-bit header bytes carried through the email package (surrogateescape round trip)."""
    return text.encode(charset).decode("ascii", "surrogateescape")


def _compat_part(att, style):
    """An attachment part whose file name is encoded the way the client of `style` does it."""
    maintype, subtype = att.ctype.split("/")
    part = MIMEBase(maintype, subtype)
    part.set_payload(att.data)
    encoders.encode_base64(part)
    if style == "rfc2231-gbk":
        part.set_param("name", att.name, charset="gbk")
        part.add_header("Content-Disposition", "attachment", filename=("gbk", "", att.name))
    elif style == "rfc2047-gbk":
        words = Header(att.name, "gbk").encode(linesep=" ")
        part.set_param("name", words)
        part.add_header("Content-Disposition", "attachment", filename=words)
    else:
        raw = _raw(att.name, "gbk" if style == "raw-gbk" else "utf-8")
        part.replace_header("Content-Type", f'{att.ctype}; name="{raw}"')
        part["Content-Disposition"] = f'attachment; filename="{raw}"'
    return part


def _headers(msg, mail, charset, subject_header):
    msg["From"] = Header(mail.sender[0], charset).encode() + f" <{mail.sender[1]}>"
    msg["To"] = OFFICE
    msg["Subject"] = subject_header
    msg["Date"] = format_datetime(mail.date)
    msg["Message-ID"] = mail.message_id
    msg["MIME-Version"] = "1.0"


def _boundary(mail, n):
    return f"----=_Part_{n}_{abs(int(mail.date.timestamp()))}.{mail.message_id[1:9]}"


def build(mail):
    """The message as bytes, built with Python's email package."""
    style, charset = mail.client
    if style == "rfc2231-utf8" and mail.inner is None:
        msg = EmailMessage(policy=policy.default)
        msg["From"] = f"{mail.sender[0]} <{mail.sender[1]}>"
        msg["To"] = OFFICE
        msg["Subject"] = mail.subject
        msg["Date"] = mail.date
        msg["Message-ID"] = mail.message_id
        msg.set_content(mail.body)
        for att in mail.attachments:
            maintype, subtype = att.ctype.split("/")
            msg.add_attachment(att.data, maintype=maintype, subtype=subtype, filename=att.name)
        if mail.attachments:
            msg.set_boundary(_boundary(mail, 0))
        return _flatten(msg, policy.default)
    msg = MIMEMultipart(boundary=_boundary(mail, 0))
    if mail.role == "unparseable_subject":
        subject = base64mime.header_encode(mail.raw, charset="utf-8")   # GBK bytes labelled UTF-8
    else:
        subject = Header(mail.subject, charset)
    _headers(msg, mail, charset, subject)
    text = MIMEText(mail.body, "plain", charset)
    if style == "rfc2047-gbk":
        alt = MIMEMultipart("alternative", boundary=_boundary(mail, 1))
        alt.attach(text)
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in mail.body.split("\n")) + "</body></html>"
        alt.attach(MIMEText(html, "html", charset))
        msg.attach(alt)
    else:
        msg.attach(text)
    if mail.inner is not None:
        msg.attach(MIMEMessage(message_from_bytes(build(mail.inner), policy=policy.compat32)))
    for att in mail.attachments:
        msg.attach(_compat_part(att, style))
    return _flatten(msg, policy.compat32)


def _flatten(msg, pol):
    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False, policy=pol.clone(linesep="\n")).flatten(msg)
    return buf.getvalue()


def _sender(sub, seed):
    rng = stream(seed, "sender", sub.unit.name)
    user = rng.choice(["zwgk", "gkb", "zwgkb", "xxgk", "zfbgs"]) + str(rng.randint(100, 9999))
    return (rng.choice([f"{sub.unit.name}政务公开办", sub.contact_name]),
            f"{user}@{rng.choice(['163.com', '126.com', 'qq.com', 'sina.com'])}")


def _message_id(date, address, rng):
    return f"<{date:%Y%m%d%H%M%S}.{rng.getrandbits(48):012x}@{address.split('@')[1]}>"


def _aware(naive):
    return naive.replace(tzinfo=TZ)


def plan(subs, efiles, photo_files, outdir, seed):
    """Every message of the mailbox in the order it arrives.

    efiles: {(unit, round): [electronic.EFile]}; photo_files: {unit: [(photos.PhotoFile, path under OUTDIR)]}.
    """
    rng = stream(seed, "mail-plan")
    carrying, extra, forwarded = [], [], []

    def new(role, sub, round_, subject, date, sender, attachments, **kw):
        body = texts.mail_body(rng, dict(unit=sub.unit.name if sub else "", round=ROUND_CN.get(round_, ""),
                                         contact=sub.contact_name if sub else "", phone=sub.contact_phone if sub else ""),
                               reply=role == "reply")
        return Mail(role, sub.unit.name if sub else None, round_, subject, None, date, sender, attachments, body,
                    _message_id(date, sender[1], rng), **kw)

    for i, sub in enumerate(subs):
        sender = _sender(sub, seed)
        for round_ in ("initial", "formal"):
            docs = [Attachment(f.name, (outdir / f.path).read_bytes(), "application/pdf", f.path)
                    for f in efiles[(sub.unit.name, round_)]]
            pics = [Attachment(p.name, p.data, "image/jpeg", path) for p, path in photo_files.get(sub.unit.name, [])] \
                if round_ == "formal" else []
            date = _aware(sub.rounds[round_].sent)
            subject = unit_subject(sub.unit.name)
            if i == 0 and round_ == "formal":
                # a staff member mailed a colleague, who forwarded it; the photos followed as a ZIP
                inner = new("submission", sub, round_, subject, date, sender, docs)
                forwarded.append(inner)
                colleague = ("省政务公开办", f"gkb{rng.randint(10, 99)}@ln.gov.cn")
                extra.append(new("forward", sub, round_, "转发：" + subject, date + dt.timedelta(minutes=rng.randint(20, 90)),
                                 colleague, [], inner=inner))
                archive = Attachment(f"{sub.unit.name}先进个人照片.zip",
                                     gbk_zip.zip_bytes([(a.name, a.data) for a in pics]), "application/zip",
                                     entries=[(a.name, a.source) for a in pics])
                carrying += [inner, new("photos", sub, round_, subject, date + dt.timedelta(minutes=rng.randint(5, 40)),
                                        sender, [archive])]
            else:
                carrying.append(new("submission", sub, round_, subject, date, sender, docs + pics))
    first, last_sub = carrying[0], subs[-1]
    resent = new("resent", subs[0], first.round, first.subject, first.date + dt.timedelta(hours=rng.randint(1, 3)),
                 first.sender, first.attachments)
    carrying.append(resent)
    for n, mail in enumerate(carrying):
        mail.client = CLIENTS[n % len(CLIENTS)]
        if mail.client[1] == "gb18030":
            mail.subject += f"（经办人：{rng.choice(RARE_CONTACTS)}）"
    for mail in extra:
        mail.client = ("rfc2047-gbk", "gbk")
    reply_date = _aware(last_sub.rounds["initial"].sent) + dt.timedelta(hours=rng.randint(1, 4))
    reply = new("reply", last_sub, "initial", "回复：" + unit_subject(last_sub.unit.name), reply_date,
                _sender(last_sub, seed), [])
    reply.client = ("rfc2047-gbk", "gb2312")
    stray = new("unparseable_subject", None, "initial", None, first.date + dt.timedelta(days=1),
                ("user", f"u{rng.randint(1000, 9999)}@qq.com"), [first.attachments[0]])
    stray.raw = "上报材料（补）".encode("gbk")
    stray.client = CLIENTS[4]
    mails = [m for m in carrying if all(m is not f for f in forwarded)] + extra + [reply, stray]
    return sorted(mails, key=lambda m: m.date)


def _from_line(mail):
    utc = mail.date.astimezone(dt.timezone.utc)
    return (f"From {mail.sender[1]} {DAY[utc.weekday()]} {MONTH[utc.month - 1]} {utc.day:2d} "
            f"{utc:%H:%M:%S} {utc.year}\n").encode("ascii")


def _mboxrd(raw):
    """mboxrd quoting: a body line starting with '>*From ' gets one more '>'."""
    out = []
    for line in raw.split(b"\n"):
        out.append(b">" + line if line.lstrip(b">").startswith(b"From ") else line)
    return b"\n".join(out)


def write(mails, outdir, seed):
    """mail/mailbox.mbox, mail/Maildir and mail/eml/*.eml; returns the truth entry of every stored message."""
    root = outdir / "mail"
    for sub in ("Maildir/cur", "Maildir/new", "Maildir/tmp", "eml"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    rng = stream(seed, "maildir")
    twice = next(m for m in mails if m.role == "submission")
    stored = []
    for mail in mails:
        raw = build(mail)
        stored.append((mail, raw, mail.role))
        if mail is twice:
            stored.append((mail, raw, "duplicate"))     # delivered twice (a client retry): same ID, same bytes
    entries = []
    with open(root / "mailbox.mbox", "wb") as mbox:
        for n, (mail, raw, role) in enumerate(stored, start=1):
            mbox.write(_from_line(mail) + _mboxrd(raw) + b"\n")
            stamp = int(mail.date.timestamp())
            seen = rng.random() < 0.7
            maildir = f"Maildir/{'cur' if seen else 'new'}/{stamp}.M{n}P4242Q{n}.intake-samples{':2,S' if seen else ''}"
            (root / maildir).write_bytes(raw)
            eml = f"eml/{n:02d}-{role}.eml"
            (root / eml).write_bytes(raw)
            entries.append(_truth(mail, role, n, f"mail/{eml}", f"mail/{maildir}"))
    return entries


def _attachments(mail, inner=False):
    out = [{"name": a.name, "content_type": a.ctype, "file": a.source, "encoding": mail.client[0], "in_forward": inner,
            **({"zip_entries": [{"name": n, "file": f} for n, f in a.entries]} if a.entries else {})}
           for a in mail.attachments]
    return out + (_attachments(mail.inner, True) if mail.inner else [])


def _truth(mail, role, index, eml, maildir):
    return {"file": eml, "maildir_file": maildir, "mbox_index": index,
            "message_id": mail.message_id, "role": role, "subject": mail.subject,
            "subject_charset": mail.client[1] if mail.role != "unparseable_subject" else None,
            "received": mail.date.date().isoformat(), "date": mail.date.isoformat(),
            "recommender": mail.recommender, "round": mail.round if mail.recommender else None,
            "attachments": _attachments(mail),
            "forwarded_message_id": mail.inner.message_id if mail.inner else None}
