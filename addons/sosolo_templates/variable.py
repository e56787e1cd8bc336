# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import re

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.sosolo_sweden import parsers
from trytond.pyson import Eval

from . import rules
from .exceptions import TemplateError, VariableValidationError
from .version import STATES as VERSION_STATES

SOURCES = [
    ('member', "Member Field"),
    ('customer', "Customer Field"),
    ('assignment', "Assignment Field"),
    ('company', "Company Field"),
    ('free', "Free Field"),
    ]
TYPES = [
    ('text', "Text"),
    ('date', "Date"),
    ('amount', "Amount"),
    ('choice', "Choice"),
    ]
_NAME = re.compile(rules.NAME + '$')
_PATH = re.compile(rules.NAME + r'(\.' + rules.NAME + ')*$')


class Variable(ModelSQL, ModelView):
    """Template Variable

    A value a template version prints: a field of the member, the
    customer, the assignment or the company (reached by a dotted path of
    field names), or a free field the user fills in.
    """
    __name__ = 'sosolo.template.variable'

    _states = {'readonly': Eval('version_state') != 'draft'}

    version = fields.Many2One('sosolo.template.version', "Version",
        required=True, ondelete='CASCADE', states=_states)
    version_state = fields.Function(fields.Selection(VERSION_STATES,
            "Version State"), 'on_change_with_version_state')
    sequence = fields.Integer("Sequence", states=_states)
    name = fields.Char("Name", required=True, states=_states,
        help="Written {{name}} in the text: lower-case letters, digits "
        "and _.")
    label = fields.Char("Label", required=True, states=_states)
    source = fields.Selection(SOURCES, "Source", required=True,
        sort=False, states=_states)
    path = fields.Char("Field Path",
        states={
            'readonly': _states['readonly'],
            'required': Eval('source') != 'free',
            'invisible': Eval('source') == 'free',
            },
        help="Field names separated by dots, e.g. party.name.")
    type = fields.Selection(TYPES, "Type", required=True, sort=False,
        states=_states)
    choices = fields.Text("Choices",
        states={
            'readonly': _states['readonly'],
            'required': Eval('type') == 'choice',
            'invisible': Eval('type') != 'choice',
            },
        help="One choice per line.")

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('version')
        cls._order.insert(0, ('sequence', 'ASC NULLS FIRST'))

    @classmethod
    def default_source(cls):
        return 'free'

    @classmethod
    def default_type(cls):
        return 'text'

    @fields.depends('version', '_parent_version.state')
    def on_change_with_version_state(self, name=None):
        return self.version.state if self.version else None

    @property
    def choice_list(self):
        return [c.strip() for c in (self.choices or '').splitlines()
            if c.strip()]

    def parser(self):
        """The parser (sosolo_sweden.parsers) of a free value of this
        variable's type, or None for text, taken as written."""
        return {
            'date': parsers.date,
            'amount': parsers.amount,
            'choice': parsers.choice(self.choice_list),
            }.get(self.type)

    @classmethod
    def validate_fields(cls, variables, field_names):
        super().validate_fields(variables, field_names)
        for variable in variables:
            if not _NAME.match(variable.name or ''):
                raise VariableValidationError(gettext(
                        'sosolo_templates.msg_variable_name',
                        name=variable.name))
            if (variable.source != 'free'
                    and not _PATH.match(variable.path or '')):
                raise VariableValidationError(gettext(
                        'sosolo_templates.msg_variable_path',
                        name=variable.name, path=variable.path))

    @classmethod
    def check_modification(cls, mode, variables, values=None,
            external=False):
        super().check_modification(
            mode, variables, values=values, external=external)
        for variable in variables:
            if variable.version.state != 'draft':
                raise TemplateError(gettext(
                        'sosolo_templates.msg_version_published',
                        version=variable.version.rec_name))
