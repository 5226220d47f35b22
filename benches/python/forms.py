"""The forms bj-3p2-2024/contact-form asks of a contact's telephone and e-mail, as an analyst
would write them in plain Python for both yardsticks (applied once per distinct text). They
follow the rule's reading (core/src/checks/text_form.rs): a telephone is a mobile number (11
digits from 13-19, optionally after +86) or a landline with its area code (010 / 02x then 8
digits; 0xxx then 7-8 digits), spaces, hyphens and brackets allowed, optionally followed by an
extension (转 / 分机 / ext, or a last hyphenated group, 1-6 digits); an e-mail is
local@domain.tld in ASCII, the domain of two labels or more, the last of letters only.
"""

EXTENSION_MARKS = ["转", "分机", "ext", "EXT", "Ext"]
SEPARATORS = " -()\uff08\uff09"
LOCAL_EXTRA = set("._%+-!#$&'*/=?^`{|}~")


def _digits(s):
    return s != "" and all("0" <= c <= "9" for c in s)


def _mobile(n):
    return len(n) == 11 and n[0] == "1" and "3" <= n[1] <= "9" and _digits(n)


def _landline(n):
    if not (_digits(n) and len(n) >= 2 and n[0] == "0"):
        return False
    if n[1] in "12":
        return len(n) == 11
    return n[1] in "3456789" and 11 <= len(n) <= 12


def phone(t):
    main, ext = t, None
    for m in EXTENSION_MARKS:
        if m in t:
            main, e = t.split(m, 1)
            ext = e.strip().lstrip(". ")
            break
    if ext is not None and (not _digits(ext) or len(ext) > 6):
        return False
    groups, cur = [], ""
    for c in main.strip():
        if "0" <= c <= "9":
            cur += c
        elif c == "+" and not groups and cur == "":
            cur += c
        elif c in SEPARATORS:
            if cur:
                groups.append(cur)
                cur = ""
        else:
            return False
    if cur:
        groups.append(cur)
    whole = "".join(groups)
    if whole.startswith("+86"):
        whole = whole[3:]
    elif whole.startswith("+"):
        return False
    if _mobile(whole) or _landline(whole):
        return True
    # A hyphenated extension: the last group of 1-6 digits after a complete number.
    if ext is None and len(groups) >= 2:
        last = groups[-1]
        return len(last) <= 6 and _landline(whole[:len(whole) - len(last)])
    return False


def email(t):
    if "@" not in t:
        return False
    local, domain = t.split("@", 1)
    local_ok = (local != "" and len(local.encode()) <= 64 and not local.startswith(".")
                and not local.endswith(".") and ".." not in local
                and all(c.isascii() and (c.isalnum() or c in LOCAL_EXTRA) for c in local))
    labels = domain.split(".")
    domain_ok = (len(labels) >= 2 and len(domain.encode()) <= 253
                 and all(label != "" and len(label.encode()) <= 63
                         and not label.startswith("-") and not label.endswith("-")
                         and all(c.isascii() and (c.isalnum() or c == "-") for c in label)
                         for label in labels)
                 and len(labels[-1]) >= 2
                 and all(c.isascii() and c.isalpha() for c in labels[-1]))
    return local_ok and domain_ok


FORMS = {"governance.contact.phone": phone, "governance.contact.email": email}
