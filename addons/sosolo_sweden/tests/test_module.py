# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.tests.test_tryton import ModuleTestCase

from .translation import SwedishTranslationTestMixin


class SosoloSwedenTestCase(SwedishTranslationTestMixin, ModuleTestCase):
    "Test sosolo_sweden module"
    module = 'sosolo_sweden'


del ModuleTestCase
