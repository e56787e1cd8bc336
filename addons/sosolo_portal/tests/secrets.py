# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Test mixin: no back office group but Administration reads the
secrets of portal accounts (issue 12).

Mixed into the ModuleTestCase of each module that adds groups, so that
every group of the activated modules is tried.
"""
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.tests.test_tryton import with_transaction
from trytond.transaction import Transaction

#: The fields nobody but Administration may read, by model.
SECRETS = {
    'web.user': ['password_hash', 'reset_password_token', 'email_token'],
    'web.user.session': ['key'],
    }


def secret_records():
    "A web user with every secret set, and a session of it."
    pool = Pool()
    WebUser = pool.get('web.user')
    Session = pool.get('web.user.session')
    user = WebUser(email='secret@example.se', password='a-long-secret')
    user.set_email_token()
    user.set_reset_password_token()
    user.save()
    key = user.new_session()
    session, = Session.search([('key', '=', key)])
    return {'web.user': user, 'web.user.session': session}


class WebUserSecretsTestMixin:
    "Mix into a ModuleTestCase."

    def staff(self, group):
        "A back office user whose only group is `group`."
        User = Pool().get('res.user')
        user = User(login=f'staff-{group.id}', name=group.name,
            groups=[group])
        user.save()
        return user

    @with_transaction()
    def test_staff_cannot_read_web_user_secrets(self):
        "a staff user of each group cannot read portal secrets (#12)"
        pool = Pool()
        Group = pool.get('res.group')
        ModelData = pool.get('ir.model.data')
        admin = ModelData.get_id('res', 'group_admin')
        # The portal group is no staff: sosolo_portal tests it alone.
        portal = ModelData.get_id('sosolo_portal', 'group_portal')
        records = secret_records()
        groups = Group.search([('id', 'not in', [admin, portal])])
        self.assertTrue(groups)
        transaction = Transaction()
        for group in groups:
            user = self.staff(group)
            with transaction.set_user(user.id), \
                    transaction.set_context(_check_access=True):
                for model, names in SECRETS.items():
                    Model = pool.get(model)
                    record = records[model]
                    for name in names:
                        with self.subTest(group=group.name, field=name):
                            with self.assertRaises(AccessError):
                                Model.read([record.id], [name])
                if pool.get('ir.model.access').check(
                        'web.user', 'read', raise_exception=False):
                    # What web_user lets staff see, they still see.
                    WebUser = pool.get('web.user')
                    WebUser.read([records['web.user'].id], ['email'])

    @with_transaction()
    def test_admin_reads_web_user_secrets(self):
        "Administration still reads the portal secrets"
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        Group = pool.get('res.group')
        records = secret_records()
        admin = self.staff(Group(ModelData.get_id('res', 'group_admin')))
        transaction = Transaction()
        with transaction.set_user(admin.id), \
                transaction.set_context(_check_access=True):
            for model, names in SECRETS.items():
                Model = pool.get(model)
                values, = Model.read([records[model].id], names)
                for name in names:
                    self.assertTrue(values[name], name)
