# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import unittest

from trytond.modules.sosolo_templates import rules


class RulesTestCase(unittest.TestCase):
    "The template language"

    def test_used_names(self):
        "names in order of first use, sections included"
        self.assertEqual(rules.used_names(
                '{{a}} {{#b=x}}{{c}}{{/b}} {{ a }}'), ['a', 'b', 'c'])

    def test_undeclared(self):
        "the names used but not declared"
        self.assertEqual(rules.undeclared('{{kund}} {{pris}}', ['kund']),
            ['pris'])
        self.assertEqual(rules.undeclared('{{kund}}', ['kund', 'x']), [])

    def test_malformed(self):
        "marks that are neither a value nor a section"
        for text, marks in [
                ('{{a}} {{#b=x}}y{{/b}}', []),
                ('{{Kund}}', ['{{Kund}}']),
                ('{{#b=x}}y', ['{{#b=x}}']),
                ('{{a.b}}', ['{{a.b}}']),
                ]:
            with self.subTest(text=text):
                self.assertEqual(rules.malformed(text), marks)

    def test_fill_escapes(self):
        "values are escaped: a name cannot inject markup"
        self.assertEqual(rules.fill('<p>{{kund}}</p>', {'kund': '<b>&'}),
            '<p>&lt;b&gt;&amp;</p>')

    def test_fill_sections(self):
        "a section stays only when its variable has the value"
        text = ('{{#kundtyp=Konsument}}{{#pristyp=Ungefärligt pris}}'
            '15 %{{/pristyp}}{{/kundtyp}}.')
        for kundtyp, pristyp, result in [
                ('Konsument', 'Ungefärligt pris', '15 %.'),
                ('Konsument', 'Fast pris', '.'),
                ('Företag', 'Ungefärligt pris', '.'),
                ]:
            with self.subTest(kundtyp=kundtyp, pristyp=pristyp):
                self.assertEqual(rules.fill(text, {
                            'kundtyp': kundtyp, 'pristyp': pristyp}),
                    result)

    def test_fill_missing(self):
        "a missing value prints empty"
        self.assertEqual(rules.fill('a{{b}}c', {}), 'ac')
