# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import DeactivableMixin, ModelSQL, ModelView, fields

KINDS = [
    ('agreement', "Agreement"),
    ('offer', "Offer"),
    ('terms', "Terms"),
    ('hr_policy', "HR Policy"),
    ('checklist', "Checklist"),
    ('letter', "Letter"),
    ]


class Template(DeactivableMixin, ModelSQL, ModelView):
    """Template

    A legal or HR text with variables; what it says lives in its
    versions, of which the published ones never change.
    """
    __name__ = 'sosolo.template'

    name = fields.Char("Name", required=True)
    kind = fields.Selection(KINDS, "Kind", required=True, sort=False)
    law = fields.Char("Law",
        help="The law or rule the template follows, where one applies.")
    versions = fields.One2Many('sosolo.template.version', 'template',
        "Versions")
    current_version = fields.Function(fields.Many2One(
            'sosolo.template.version', "Current Version"),
        'get_current_version')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('name', 'ASC'))

    def get_current_version(self, name):
        "The published version with the highest number."
        published = [v for v in self.versions if v.state == 'published']
        if published:
            return max(published, key=lambda v: v.number).id
