# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.tests.test_tryton import ModuleTestCase


class SosoloCommunityTestCase(SwedishTranslationTestMixin, ModuleTestCase):
    "Test sosolo_community module"
    module = 'sosolo_community'


del ModuleTestCase
