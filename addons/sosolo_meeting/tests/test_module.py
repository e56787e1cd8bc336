# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.tests.test_tryton import ModuleTestCase


class SosoloMeetingTestCase(SwedishTranslationTestMixin, ModuleTestCase):
    "Test sosolo_meeting module"
    module = 'sosolo_meeting'


del ModuleTestCase
