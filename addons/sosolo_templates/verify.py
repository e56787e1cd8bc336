# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What `sosolo document-verify` and the portal's page verifiera answer
for a file: the lines that describe a verified sealed document, or the
one line of why it is not one (issue #13, item 5)."""
from trytond.exceptions import UserError
from trytond.pool import Pool

from .signature import stockholm


def verify(data):
    """(True, lines) when `data` is an unaltered sealed document of this
    cooperative (Document.verify), else (False, [the one reason])."""
    Document = Pool().get('sosolo.template.document')
    try:
        document = Document.verify(data)
    except UserError as exception:
        return False, [exception.message]
    return True, describe(document)


def describe(document):
    "The lines printed for a verified `document`."
    methods = Pool().get(
        'sosolo.template.document.signature').method_names()
    lines = [
        f"Äkta och oförändrat: {document.rec_name}",
        f"  utfärdat {document.issue_date} av {document.company.rec_name}",
        f"  förseglat {document.sealed_at:%Y-%m-%d %H:%M:%S} UTC "
        f"({stockholm(document.sealed_at)} Europe/Stockholm)",
        ]
    if not document.signatures:
        lines.append("  inga underskrifter")
    for signature in document.signatures:
        lines.append(
            f"  undertecknat av {signature.name} <{signature.email}>, "
            f"{methods[signature.method].lower()}, "
            f"{signature.signed_at:%Y-%m-%d %H:%M:%S} UTC "
            f"({signature.signed_at_stockholm} Europe/Stockholm)")
    return lines
