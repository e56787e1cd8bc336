# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import Model, ModelSQL, ModelView, Workflow, fields
from trytond.modules.sosolo_sweden.amount import format_number
from trytond.pool import Pool
from trytond.pyson import Eval

from . import rules
from .exceptions import TemplateError

STATES = [
    ('draft', "Draft"),
    ('published', "Published"),
    ]


class Version(Workflow, ModelSQL, ModelView):
    """Template Version

    The text and the variables of a template as they were on one day. A
    published version never changes: a change is a new version, and a
    document keeps the version it was made from.
    """
    __name__ = 'sosolo.template.version'

    _states = {'readonly': Eval('state') != 'draft'}

    template = fields.Many2One('sosolo.template', "Template",
        required=True, ondelete='CASCADE', states=_states)
    number = fields.Integer("Number", readonly=True)
    text = fields.Text("Text", required=True, states=_states,
        help="Swedish HTML; {{name}} prints a variable, and "
        "{{#name=value}}…{{/name}} keeps its text only when the variable "
        "has that value.")
    variables = fields.One2Many('sosolo.template.variable', 'version',
        "Variables", states=_states)
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)
    published_date = fields.Date("Published Date", readonly=True)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('template')
        cls._order = [
            ('template', 'ASC'), ('number', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {('draft', 'published')}
        cls._buttons.update({
                'publish': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'new_version': {
                    'invisible': Eval('state') != 'published',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'draft'

    def get_rec_name(self, name):
        return f'{self.template.rec_name} v{self.number or ""}'

    @classmethod
    def create(cls, vlist):
        vlist = [v.copy() for v in vlist]
        numbers = {}
        for values in vlist:
            template = values.get('template')
            if template and not values.get('number'):
                if template not in numbers:
                    numbers[template] = max((v.number or 0 for v in
                                cls.search([('template', '=', template)])),
                        default=0)
                numbers[template] += 1
                values['number'] = numbers[template]
        return super().create(vlist)

    @classmethod
    def check_modification(cls, mode, versions, values=None,
            external=False):
        super().check_modification(
            mode, versions, values=values, external=external)
        if mode in {'write', 'delete'}:
            for version in versions:
                if version.state != 'draft':
                    raise TemplateError(gettext(
                            'sosolo_templates.msg_version_published',
                            version=version.rec_name))

    @classmethod
    def copy(cls, versions, default=None):
        default = default.copy() if default else {}
        default.setdefault('number')
        default.setdefault('published_date')
        return super().copy(versions, default=default)

    def check_publishable(self):
        "Refuse a text that uses an undeclared variable or a broken mark."
        names = [v.name for v in self.variables]
        for name in rules.undeclared(self.text, names):
            raise TemplateError(gettext(
                    'sosolo_templates.msg_version_undeclared',
                    version=self.rec_name, name=name))
        for mark in rules.malformed(self.text):
            raise TemplateError(gettext(
                    'sosolo_templates.msg_version_malformed',
                    version=self.rec_name, mark=mark))

    @classmethod
    @ModelView.button
    @Workflow.transition('published')
    def publish(cls, versions):
        Date = Pool().get('ir.date')
        for version in versions:
            version.check_publishable()
        cls.write(versions, {'published_date': Date.today()})

    @classmethod
    @ModelView.button
    def new_version(cls, versions):
        "A draft copy of each version, to change and publish."
        cls.copy(versions)

    def values(self, records):
        """{name: printed value} of the field variables, read from
        `records` ({source: record}); free variables are left out."""
        pool = Pool()
        Lang = pool.get('ir.lang')
        lang = Lang.get('sv')
        return {v.name: format_value(resolve(records.get(v.source), v.path),
                lang)
            for v in self.variables if v.source != 'free'}


def resolve(record, path):
    """The value at the dotted `path` of field names from `record`, None
    where the chain breaks. Through a list, the first record that gives
    a value: a party's first address with a full address, not an empty
    one.

    Only fields are followed, never methods: a template cannot make a
    record do anything.
    """
    if isinstance(record, (list, tuple)):
        for item in record:
            value = resolve(item, path)
            if value not in (None, '', False):
                return value
        return None
    if record is None:
        return None
    if not path:
        return record
    name, _, rest = path.partition('.')
    if name not in getattr(record, '_fields', {}):
        return None
    return resolve(getattr(record, name), rest)


def format_value(value, lang):
    "`value` as printed in a Swedish document."
    if value is None or value is False:
        return ''
    if isinstance(value, Model):
        return value.rec_name
    if isinstance(value, dt.datetime):
        return lang.strftime(value, '%Y-%m-%d %H:%M')
    if isinstance(value, dt.date):
        return lang.strftime(value)
    if isinstance(value, Decimal):
        return format_number(value)
    # An address's lines on one line, as running text prints it.
    return ', '.join(
        line.strip() for line in str(value).splitlines() if line.strip())
