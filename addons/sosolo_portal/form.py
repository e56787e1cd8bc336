# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal forms as small declarative tables of fields.

A Field names a form input, the parser that reads its text (one of
sosolo_sweden.parsers, or any function that returns the value or raises
InputError) and whether it must be filled in. Form.parse reads the
posted form and returns the values and the errors, the message by field
name that the page shows beside the field (the `field()` macro of
templates/layout.html shows ``errors[name]``):

>>> from trytond.modules.sosolo_sweden import parsers
>>> LOGIN = Form(
...     Field('email', parsers.email, required=True),
...     Field('password', parsers.text(1024, strip=False), required=True))
>>> LOGIN.parse({'email': ' Ada@Example.SE ', 'password': ' secret'})
({'email': 'ada@example.se', 'password': ' secret'}, {})
>>> values, errors = LOGIN.parse({'email': 'ada@example', 'password': ' '})
>>> values
{'email': None, 'password': None}
>>> errors['email']
'This is not a valid e-mail address.'
>>> errors['password']
'Fill in this field.'

A route parses, and renders the form again with its errors or goes on
with the values (routes.py, login_page)::

    values, errors = LOGIN.parse(request.form)
    if errors:
        return render(request, 'login.html', status=HTTPStatus.BAD_REQUEST,
            form=request.form, errors=errors)
    user = User.authenticate(values['email'], values['password'])

A field left blank (or only spaces) is None in the values and, if
`required`, has the error "Fill in this field." (or the message whose
id `required` is). Text the parser refuses has the parser's message,
or the message whose id `invalid` is. The parser gets only filled-in
text, as typed: it strips what it does not keep. ``form=request.form``
shows again what was typed; a password input never does.
"""
from dataclasses import dataclass

from trytond.i18n import gettext
from trytond.modules.sosolo_sweden import parsers
from trytond.modules.sosolo_sweden.exceptions import InputError

REQUIRED = 'sosolo_portal.msg_form_required'


@dataclass(frozen=True)
class Field:
    name: str
    parser: object = parsers.text(1000)
    #: True, or the id of the message for a blank field
    required: bool | str = False
    #: The id of the message for text the parser refuses, in place of
    #: the parser's own
    invalid: str | None = None


class Form:
    "A form's fields, read by `parse`."

    def __init__(self, *fields):
        self.fields = fields

    def parse(self, data):
        """The values of `data` (request.form, or a dict) by field name,
        and the errors: {field name: message}."""
        values, errors = {}, {}
        for field in self.fields:
            text = data.get(field.name) or ''
            values[field.name] = None
            if not text.strip():
                if field.required:
                    errors[field.name] = gettext(REQUIRED
                        if field.required is True else field.required)
                continue
            try:
                values[field.name] = field.parser(text)
            except InputError as exception:
                errors[field.name] = (gettext(field.invalid)
                    if field.invalid else exception.message)
        return values, errors
