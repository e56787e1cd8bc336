# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The template language, as plain functions.

A template is Swedish HTML with two kinds of marks:

- ``{{name}}`` is replaced by the value of variable ``name``, escaped;
- ``{{#name=value}}…{{/name}}`` keeps the text between the marks only
  when variable ``name`` has that value (as the offer shows the 15 %
  rule of konsumenttjänstlagen 36 § only for an approximate price to a
  consumer).

The text itself is never evaluated as code: staff write templates, and
values come from members and customers.
"""
import html
import re

NAME = r'[a-z][a-z0-9_]*'
_VALUE = re.compile(r'\{\{\s*(' + NAME + r')\s*\}\}')
_SECTION = re.compile(
    r'\{\{#\s*(' + NAME + r')\s*=\s*([^}]*?)\s*\}\}(.*?)\{\{/\s*\1\s*\}\}',
    re.DOTALL)
_MARK = re.compile(r'\{\{[#/]?\s*(' + NAME + r')')
#: Whatever looks like a mark but is not one of the two forms.
_ANY_MARK = re.compile(r'\{\{.*?\}\}', re.DOTALL)


def used_names(text):
    "The variable names `text` uses, in order of first use."
    names = []
    for match in _MARK.finditer(text or ''):
        if match.group(1) not in names:
            names.append(match.group(1))
    return names


def undeclared(text, declared):
    "The names `text` uses that are not in `declared`, in order."
    declared = set(declared)
    return [n for n in used_names(text) if n not in declared]


def _sections(text, replace):
    """`text` with each section, nested ones too, replaced by what
    `replace` returns for its match (name, value, body)."""
    previous = None
    while previous != text:
        previous, text = text, _SECTION.sub(replace, text)
    return text


def malformed(text):
    "The marks of `text` that are neither ``{{name}}`` nor a section."
    text = _sections(text or '', lambda m: m.group(3))
    return _ANY_MARK.findall(_VALUE.sub('', text))


def fill(text, values):
    """`text` with its sections resolved and its marks replaced by the
    HTML-escaped `values` ({name: str}); a missing value prints empty."""
    def section(match):
        name, expected, body = match.groups()
        if (values.get(name) or '').strip() == expected:
            return body
        return ''
    return _VALUE.sub(
        lambda m: html.escape(values.get(m.group(1)) or ''),
        _sections(text, section))
